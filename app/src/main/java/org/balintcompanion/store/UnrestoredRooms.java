package org.balintcompanion.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rooms that could not be restored after a restart, kept aside in {@code <data>/unrestored/} (owner-only files) so
 * the rest of the server can start and an operator can see what happened. The file holds what the journal held for
 * the room (its state: presence, queue, checklist answers and signals, never anything said) and is deleted after
 * {@link #KEPT_FOR}, or at once through the admin API.
 */
public final class UnrestoredRooms {
    private static final Logger log = LoggerFactory.getLogger(UnrestoredRooms.class);
    public static final Duration KEPT_FOR = Duration.ofDays(7);

    /** What the admin API and {@code /healthz} show: no room content. */
    public record Kept(String roomId, String meetingId, String reason, Instant keptAt) {}

    private record File(Kept kept, JournalSink.StoredRoom stored) {}

    private final Path dir;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public UnrestoredRooms(Path dataDir, Clock clock) {
        this.dir = dataDir.resolve("unrestored");
        this.clock = clock;
    }

    void keep(StoredRooms.Unrestorable u) {
        var kept = new Kept(u.stored().id().value(), u.stored().meetingId(), u.reason(), clock.instant());
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(u.stored().id().value() + "-" + kept.keptAt().toEpochMilli() + ".json");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, json.writeValueAsBytes(new File(kept, u.stored())));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot keep aside room " + kept.roomId() + ": " + e.getMessage(), e);
        }
        log.error("room {} (meeting {}) could not be restored and was kept aside in {}: {}", kept.roomId(), kept.meetingId(),
                dir, kept.reason());
    }

    public List<Kept> list() {
        var out = new ArrayList<Kept>();
        for (Path p : files()) {
            try {
                out.add(json.readValue(p.toFile(), File.class).kept());
            } catch (IOException e) {
                log.warn("unreadable file {} in {}", p.getFileName(), dir);
            }
        }
        out.sort(Comparator.comparing(Kept::keptAt));
        return out;
    }

    /** How many rooms are kept aside, without reading their files (asked at every /healthz and metrics scrape). */
    public int count() { return files().size(); }

    /** Deletes what was kept for a room; false when nothing was. */
    public boolean delete(String roomId) {
        boolean any = false;
        for (Path p : files()) {
            if (p.getFileName().toString().startsWith(roomId + "-")) any |= deleteQuietly(p);
        }
        return any;
    }

    /** Deletes what was kept longer than {@link #KEPT_FOR}. */
    public void purge() {
        Instant limit = clock.instant().minus(KEPT_FOR);
        for (Kept k : list()) if (k.keptAt().isBefore(limit)) delete(k.roomId());
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean deleteQuietly(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", p.getFileName(), e.getClass().getSimpleName());
            return false;
        }
    }
}
