package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.balintcompanion.store.Database;

/** Who did what to which record, and when. Never the content of anything. */
public final class AuditLog {
    public record Entry(long id, String at, String actor, String action, String target) {}

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Recorded inside the caller's transaction, so an action and its audit entry are written together. */
    void record(Connection c, String actor, String action, String target) throws SQLException {
        Sql.update(c, "INSERT INTO audit_entry (at, actor, action, target) VALUES (?,?,?,?)", clock.instant(), actor, action, target);
    }

    public List<Entry> latest(int limit) {
        return db.read(c -> Sql.list(c, "SELECT id, at, actor, action, target FROM audit_entry ORDER BY id DESC",
                rs -> new Entry(rs.getLong("id"), Sql.instant(rs, "at").toString(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target")))).stream().limit(limit).toList();
    }
}
