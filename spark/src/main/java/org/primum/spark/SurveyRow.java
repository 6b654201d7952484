package org.primum.spark;

import java.io.Serializable;

/**
 * What the first pass found in one block of one file (a split read by one task): how many lines it holds (for
 * line numbers) and how many are not blank; or, with {@code medicationId} set, one Medication resource of the
 * block ({@code seq}: its line's place in the block). A Java bean for Spark's encoder.
 */
public class SurveyRow implements Serializable {
    private String path;
    private long blockStart;
    private long lines;
    private long nonBlank;
    private String medicationId;
    private long seq;
    private byte[] json;

    public SurveyRow() {
    }

    static SurveyRow block(String path, long blockStart, long lines, long nonBlank) {
        SurveyRow r = new SurveyRow();
        r.path = path;
        r.blockStart = blockStart;
        r.lines = lines;
        r.nonBlank = nonBlank;
        return r;
    }

    static SurveyRow medication(String path, long blockStart, long seq, String id, byte[] json) {
        SurveyRow r = new SurveyRow();
        r.path = path;
        r.blockStart = blockStart;
        r.seq = seq;
        r.medicationId = id;
        r.json = json;
        return r;
    }

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public long getBlockStart() { return blockStart; }
    public void setBlockStart(long blockStart) { this.blockStart = blockStart; }
    public long getLines() { return lines; }
    public void setLines(long lines) { this.lines = lines; }
    public long getNonBlank() { return nonBlank; }
    public void setNonBlank(long nonBlank) { this.nonBlank = nonBlank; }
    public String getMedicationId() { return medicationId; }
    public void setMedicationId(String medicationId) { this.medicationId = medicationId; }
    public long getSeq() { return seq; }
    public void setSeq(long seq) { this.seq = seq; }
    public byte[] getJson() { return json; }
    public void setJson(byte[] json) { this.json = json; }
}
