package org.primum.audit.store;

/**
 * The database cannot be used yet or at all: its schema is still being migrated (start-up, see {@link SchemaMigration})
 * or the migration failed. Unchecked, so that it passes the stores' {@code catch (SQLException)} blocks unwrapped and
 * reaches the endpoint's exception mapper, which answers 503 with an OperationOutcome (not a 500 incident). The
 * message names the state only, never the database's own error text.
 */
public class DatabaseUnavailableException extends RuntimeException {

    private final boolean transientState;

    public DatabaseUnavailableException(String message, boolean transientState, Throwable cause) {
        super(message, cause);
        this.transientState = transientState;
    }

    /** True while the schema is still being migrated (a retry may succeed soon); false after a failed migration. */
    public boolean transientState() {
        return transientState;
    }
}
