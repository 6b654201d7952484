package org.primum.spark;

import java.io.Serializable;

/**
 * One input line after routing, keyed for the shuffle: a line of a patient ({@code key} her id; {@code json}
 * null for a resource the mapping does not read, kept so that she still appears in the output), or a line that
 * belongs to no patient ({@code key} starts with {@link #NO_PATIENT}): an input problem ({@code problem} the
 * {@code InputProblem.Kind}) or a resource of a type not used, counted by {@code type}. A Java bean for Spark's
 * encoder.
 */
public class RoutedLine implements Serializable {

    /**
     * Keys of lines without a patient begin with a character no patient id has; one key per block spreads a file
     * full of bad lines over many tasks instead of one.
     */
    static final String NO_PATIENT = "\u0000";

    private String key;
    private int file;
    private long line;
    private byte[] json;
    private String type;
    private String problem;
    private String patient;
    private String detail;

    public RoutedLine() {
    }

    static RoutedLine ofPatient(String patientId, int file, long line, String type, byte[] json) {
        RoutedLine r = new RoutedLine();
        r.key = patientId;
        r.file = file;
        r.line = line;
        r.type = type;
        r.json = json;
        return r;
    }

    static RoutedLine problem(String blockKey, int file, long line, String kind, String patient, String detail) {
        RoutedLine r = new RoutedLine();
        r.key = NO_PATIENT + blockKey;
        r.file = file;
        r.line = line;
        r.problem = kind;
        r.patient = patient;
        r.detail = detail;
        return r;
    }

    static RoutedLine notUsed(String blockKey, int file, long line, String type) {
        RoutedLine r = new RoutedLine();
        r.key = NO_PATIENT + blockKey;
        r.file = file;
        r.line = line;
        r.type = type;
        return r;
    }

    boolean ofPatient() {
        return !key.startsWith(NO_PATIENT);
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public int getFile() { return file; }
    public void setFile(int file) { this.file = file; }
    public long getLine() { return line; }
    public void setLine(long line) { this.line = line; }
    public byte[] getJson() { return json; }
    public void setJson(byte[] json) { this.json = json; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getProblem() { return problem; }
    public void setProblem(String problem) { this.problem = problem; }
    public String getPatient() { return patient; }
    public void setPatient(String patient) { this.patient = patient; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
}
