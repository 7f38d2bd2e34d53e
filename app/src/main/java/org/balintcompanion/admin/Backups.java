package org.balintcompanion.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.balintcompanion.store.Database;
import org.balintcompanion.store.Sql;

/**
 * The online backup: a consistent copy of the embedded database (H2's own BACKUP, safe while it is written) and a
 * copy of every other file of the data directory, into {@code <data dir>/backups/<UTC time>/}. With PostgreSQL the
 * database part is pg_dump's job; the files are still copied.
 */
public final class Backups {
    public record Backup(String directory, List<String> files, String database) {}

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String FOLDER = "backups";

    private final Database db;
    private final Path dataDir;
    private final AuditLog audit;
    private final Clock clock;

    public Backups(Database db, Path dataDir, AuditLog audit, Clock clock) {
        this.db = db;
        this.dataDir = dataDir;
        this.audit = audit;
        this.clock = clock;
    }

    public synchronized Backup take(Account by) {
        Access.requireAdmin(by);
        Path target = dataDir.resolve(FOLDER).resolve(STAMP.format(clock.instant()));
        try {
            Files.createDirectories(target);
            var files = new ArrayList<String>();
            String database;
            if (db.embedded()) {
                Path zip = target.resolve("database.zip");
                db.read(c -> Sql.update(c, "BACKUP TO '" + zip.toString().replace("'", "''") + "'"));
                files.add("database.zip");
                database = "embedded database copied (database.zip; restore: unzip into an empty data directory)";
            } else {
                database = "PostgreSQL: back it up with pg_dump (docs/operations.md)";
            }
            copyOtherFiles(target, files);
            db.inTransaction(c -> {
                audit.record(c, by.email(), "backup.create", target.getFileName().toString());
                return null;
            });
            return new Backup(target.toString(), List.copyOf(files), database);
        } catch (IOException e) {
            throw new UncheckedIOException("backup into " + target + " failed", e);
        }
    }

    /** Everything but the embedded database's own files (copied consistently above) and earlier backups. */
    private void copyOtherFiles(Path target, List<String> files) throws IOException {
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = dataDir.relativize(p);
                if (rel.toString().isEmpty() || rel.startsWith(FOLDER) || !Files.isRegularFile(p)) continue;
                String name = rel.getFileName().toString();
                if (rel.getNameCount() == 1 && (name.endsWith(".mv.db") || name.endsWith(".trace.db") || name.endsWith(".lock.db"))) continue;
                Path copy = target.resolve(rel);
                Files.createDirectories(copy.getParent());
                Files.copy(p, copy);
                files.add(rel.toString());
            }
        }
    }
}
