package org.balintcompanion.store;

import java.sql.SQLException;

/** The database failed; the caller reports a server error and nothing half-written remains. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) { super(cause.getMessage(), cause); }

    /** True when the database refused a write on its integrity rules (SQL state class 23: keys, references). */
    public boolean isIntegrityViolation() {
        String state = ((SQLException) getCause()).getSQLState();
        return state != null && state.startsWith("23");
    }

    /** True when the database refused a write because a unique key already exists (e.g. a duplicate e-mail). */
    public boolean isDuplicateKey() {
        String state = ((SQLException) getCause()).getSQLState();
        return state != null && state.equals("23505");
    }
}
