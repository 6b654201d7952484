package org.primum.spark;

import org.primum.audit.model.CriterionResult;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.PatientResult;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of what pass two produces, flat so that it is the verdicts table as it is: {@link #VERDICT} (a
 * patient's criterion, or her only row when out of scope, with {@code code} null and the reason), {@link #PROBLEM}
 * (an input problem, located) or {@link #NOT_USED} (resources of a type the mapping does not read, counted). The
 * patient's figures ({@code scope}, breast surgeries) repeat on each of her rows; {@code criterionIndex} keeps her
 * criteria in the audit's order. A Java bean for Spark's encoder.
 */
public class AuditRow implements Serializable {

    static final String VERDICT = "VERDICT", PROBLEM = "PROBLEM", NOT_USED = "NOT_USED";

    private String kind;
    private String patient;
    private String scope;
    private String outOfScopeReason;
    private int breastSurgeries;
    private int breastConserving;
    private int criterionIndex;
    private String code;
    private String verdict;
    private String reason;
    private LocalDate date;
    private List<String> resourceIds;
    private String problemKind;
    private String file;
    private long line;
    private String detail;
    private String resourceType;
    private long count;

    public AuditRow() {
    }

    /** The patient's rows: one per criterion judged, or one saying why she is out of scope. */
    static List<AuditRow> of(PatientResult p) {
        List<AuditRow> rows = new ArrayList<>();
        int i = 0;
        for (CriterionResult c : p.criteria()) {
            AuditRow r = patient(p, i++);
            r.code = c.code();
            r.verdict = c.verdict().name();
            r.reason = c.reason();
            r.date = c.date();
            r.resourceIds = c.resourceIds();
            rows.add(r);
        }
        if (rows.isEmpty()) rows.add(patient(p, 0));
        return rows;
    }

    private static AuditRow patient(PatientResult p, int index) {
        AuditRow r = new AuditRow();
        r.kind = VERDICT;
        r.patient = p.patient();
        r.scope = p.scope();
        r.outOfScopeReason = p.outOfScope();
        r.breastSurgeries = p.breastSurgeries();
        r.breastConserving = p.breastConserving();
        r.criterionIndex = index;
        r.resourceIds = List.of();
        return r;
    }

    static AuditRow problem(InputProblem p) {
        AuditRow r = new AuditRow();
        r.kind = PROBLEM;
        r.problemKind = p.kind().name();
        r.file = p.file();
        r.line = p.line();
        r.patient = p.patient();
        r.detail = p.detail();
        r.resourceIds = List.of();
        return r;
    }

    static AuditRow notUsed(String type, long count) {
        AuditRow r = new AuditRow();
        r.kind = NOT_USED;
        r.resourceType = type;
        r.count = count;
        r.resourceIds = List.of();
        return r;
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getPatient() { return patient; }
    public void setPatient(String patient) { this.patient = patient; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getOutOfScopeReason() { return outOfScopeReason; }
    public void setOutOfScopeReason(String outOfScopeReason) { this.outOfScopeReason = outOfScopeReason; }
    public int getBreastSurgeries() { return breastSurgeries; }
    public void setBreastSurgeries(int breastSurgeries) { this.breastSurgeries = breastSurgeries; }
    public int getBreastConserving() { return breastConserving; }
    public void setBreastConserving(int breastConserving) { this.breastConserving = breastConserving; }
    public int getCriterionIndex() { return criterionIndex; }
    public void setCriterionIndex(int criterionIndex) { this.criterionIndex = criterionIndex; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getVerdict() { return verdict; }
    public void setVerdict(String verdict) { this.verdict = verdict; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public List<String> getResourceIds() { return resourceIds; }
    public void setResourceIds(List<String> resourceIds) { this.resourceIds = resourceIds; }
    public String getProblemKind() { return problemKind; }
    public void setProblemKind(String problemKind) { this.problemKind = problemKind; }
    public String getFile() { return file; }
    public void setFile(String file) { this.file = file; }
    public long getLine() { return line; }
    public void setLine(long line) { this.line = line; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public long getCount() { return count; }
    public void setCount(long count) { this.count = count; }
}
