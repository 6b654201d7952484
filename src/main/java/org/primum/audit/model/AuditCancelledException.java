package org.primum.audit.model;

/** The audit was cancelled by its caller (the {@code cancelled} supplier said so); nothing is reported. */
public final class AuditCancelledException extends RuntimeException {
    public AuditCancelledException() {
        super("audit cancelled");
    }
}
