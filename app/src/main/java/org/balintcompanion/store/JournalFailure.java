package org.balintcompanion.store;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Why a sink could not write, in the classes the journal acts on. The description names the failure (SQL state,
 * exception type) and never what was being written: drivers put bound values in their messages, and those values
 * are checklist answers and private signals.
 */
final class JournalFailure extends Exception {
    enum Kind {
        /** The disk or the database may answer later (connection lost, lock, full disk, operator): retry the batch. */
        TRANSIENT,
        /** This data can never be written (a value the database refuses, a room it no longer has): do not retry it. */
        REFUSED
    }

    private final Kind kind;

    JournalFailure(Kind kind, String description, Throwable cause) {
        super(description, cause, false, false);
        this.kind = kind;
    }

    Kind kind() { return kind; }

    static JournalFailure of(IOException e) {
        return new JournalFailure(Kind.TRANSIENT, "I/O error " + e.getClass().getSimpleName(), null);
    }

    /** A value the codec cannot turn into stored JSON: a bug, never fixed by retrying. */
    static JournalFailure unwritable(RuntimeException e) {
        return new JournalFailure(Kind.REFUSED, "cannot encode: " + e.getClass().getSimpleName(), null);
    }

    /**
     * SQL state classes (SQL standard, used by PostgreSQL and H2): 22 data exception (e.g. U+0000 in a text value),
     * 23 integrity constraint (a room deleted under the journal) and 0A feature not supported are refused for good.
     * Everything else — 08 connection, 40 rollback or serialization, 53 resources, 57 operator intervention, 58
     * system error, and 42 access rule (an operator can grant the missing right) — may pass later and is retried,
     * with the server reported unhealthy meanwhile rather than changes dropped.
     */
    static JournalFailure of(SQLException e) {
        // A batch reports its own generic failure; the statement's real one follows it.
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String cls = state.length() >= 2 ? state.substring(0, 2) : "";
        Kind kind = switch (cls) {
            case "22", "23", "0A" -> Kind.REFUSED;
            default -> Kind.TRANSIENT;
        };
        return new JournalFailure(kind, "SQL state " + (state.isEmpty() ? "unknown" : state) + " (" + e.getClass().getSimpleName()
                + ", vendor code " + cause.getErrorCode() + ")", null);
    }
}
