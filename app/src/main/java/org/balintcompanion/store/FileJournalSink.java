package org.balintcompanion.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's room journal: append-only segment files in {@code <data>/journal/}, one record per entry,
 * each framed as {@code [length][CRC-32C][body]}. A batch is written with one {@code write} and made durable with one
 * {@link FileChannel#force}: only then does {@link #append} return, so an ack never precedes its bytes on disk.
 *
 * <p>Reading stops at the first record whose length or checksum is wrong: that is the torn tail of a batch the
 * process was killed while writing, never acknowledged. After a restore, and whenever the segment passes
 * {@link #SEGMENT_BYTES}, a new segment starts with one snapshot per open room and the older segments are deleted.
 * After a failed write or sync the segment is abandoned (a failed fsync may have dropped pages that a second fsync
 * would wrongly report clean) and the batch goes again into a new one; readers take each room's versions once.
 */
final class FileJournalSink implements JournalSink {
    private static final Logger log = LoggerFactory.getLogger(FileJournalSink.class);
    static final long SEGMENT_BYTES = 64L * 1024 * 1024;
    /** Answers remembered per room in a snapshot: a client retries only the few commands it has not seen answered. */
    static final int ANSWERS_KEPT = 256;
    private static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final byte FORMAT = 1;
    private static final byte OPENED = 1, CHANGED = 2, SNAPSHOT = 3, CLOSED = 4, UNCHANGED = 5;

    private final Path dir;
    private final RoomStateCodec codec;
    private final long segmentBytes;
    private final Bytes buffer = new Bytes(64 * 1024);
    private final Bytes body = new Bytes(8 * 1024);
    private final DataOutputStream bodyOut = new DataOutputStream(body);
    private final CRC32C crc = new CRC32C();
    private FileChannel active;
    /** The rooms the last {@link #recover} found, so {@link #rebase} writes only what differs. */
    private java.util.Set<String> recovered = java.util.Set.of();
    private long activeSeq;

    FileJournalSink(Path dir, RoomStateCodec codec) { this(dir, codec, SEGMENT_BYTES); }

    FileJournalSink(Path dir, RoomStateCodec codec, long segmentBytes) {
        this.dir = dir;
        this.codec = codec;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the room journal directory " + dir, e);
        }
    }

    @Override public void append(List<JournalEntry> entries) throws JournalFailure {
        buffer.reset();
        for (JournalEntry e : entries) encode(e);
        try {
            if (active == null) startSegment(lastSeq() + 1);
            writeFully(active, buffer);
            active.force(false);
        } catch (IOException e) {
            abandonSegment();
            throw JournalFailure.of(e);
        }
    }

    /**
     * A new segment, so nothing is ever appended behind a torn tail; it forgets the rooms that were not restored and
     * takes in those that came from elsewhere (an older release's tables). The restored rooms stay where they are, so a
     * restart does not rewrite every room: the next compaction does.
     */
    @Override public void rebase(List<JournalEntry.Snapshot> rooms) throws JournalFailure {
        buffer.reset();
        var keep = new java.util.HashSet<String>();
        for (JournalEntry.Snapshot s : rooms) {
            keep.add(s.room().value());
            if (!recovered.contains(s.room().value())) encode(s);
        }
        for (String r : recovered) if (!keep.contains(r)) encode(new JournalEntry.Closed(RoomId.of(r)));
        writeToNewSegment();
    }

    @Override public void compactIfDue(Supplier<List<JournalEntry.Snapshot>> rooms) throws JournalFailure {
        try {
            if (active != null && active.size() < segmentBytes) return;
        } catch (IOException e) {
            abandonSegment();
            throw JournalFailure.of(e);
        }
        if (active != null) startFresh(rooms.get());
    }

    @Override public void forgetClosed(List<JournalEntry.Snapshot> openRooms) throws JournalFailure { startFresh(openRooms); }

    /** A new segment holding exactly these rooms, durable before any older segment is deleted. */
    private void startFresh(List<JournalEntry.Snapshot> rooms) throws JournalFailure {
        List<Path> older = segments();
        buffer.reset();
        for (JournalEntry.Snapshot s : rooms) encode(s);
        writeToNewSegment();
        for (Path p : older) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.warn("cannot delete the old journal segment {} ({}); it is read again, harmlessly, at the next start", p.getFileName(), e.getClass().getSimpleName());
            }
        }
    }

    /** What {@link #buffer} holds, as the whole of a new segment, durable when this returns. */
    private void writeToNewSegment() throws JournalFailure {
        try {
            abandonSegment();
            startSegment(lastSeq() + 1);
            writeFully(active, buffer);
            active.force(false);
        } catch (IOException e) {
            abandonSegment();
            throw JournalFailure.of(e);
        }
    }

    private void startSegment(long seq) throws IOException {
        active = FileChannel.open(dir.resolve(name(seq)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        activeSeq = seq;
        // The new file's name must survive a crash too, or its records would.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private void abandonSegment() {
        if (active == null) return;
        try {
            active.close();
        } catch (IOException ignored) {
            // Already failing; the next batch goes to a new segment.
        }
        active = null;
    }

    private static void writeFully(FileChannel ch, Bytes bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes.array(), 0, bytes.size());
        while (b.hasRemaining()) ch.write(b);
    }

    // ---- encoding

    private void encode(JournalEntry e) throws JournalFailure {
        body.reset();
        try {
            bodyOut.writeByte(FORMAT);
            switch (e) {
                case JournalEntry.Opened o -> {
                    bodyOut.writeByte(OPENED);
                    str(o.room().value());
                    str(o.meetingId());
                    bodyOut.writeLong(micros(o.at()));
                    str(codec.write(o.state()));
                }
                case JournalEntry.Changed c -> {
                    bodyOut.writeByte(CHANGED);
                    str(c.room().value());
                    bodyOut.writeLong(c.after().version());
                    bodyOut.writeLong(micros(c.at()));
                    str(c.by().member().value());
                    str(c.by().role().name());
                    str(c.commandId());
                    str(c.reply());
                    str(codec.write(c.command()));
                    bodyOut.writeBoolean(c.snapshot());
                    if (c.snapshot()) str(codec.write(c.after()));
                }
                case JournalEntry.Snapshot s -> {
                    bodyOut.writeByte(SNAPSHOT);
                    str(s.room().value());
                    str(s.meetingId());
                    str(codec.write(s.state()));
                    bodyOut.writeInt(s.answered().size());
                    for (JournalEntry.Answered a : s.answered()) {
                        str(a.member().value());
                        str(a.commandId());
                        str(a.reply());
                    }
                }
                case JournalEntry.Unchanged u -> {
                    bodyOut.writeByte(UNCHANGED);
                    str(u.room().value());
                    bodyOut.writeLong(u.version());
                    str(u.by().member().value());
                    str(u.commandId());
                    str(u.reply());
                }
                case JournalEntry.Closed c -> {
                    bodyOut.writeByte(CLOSED);
                    str(c.room().value());
                }
            }
            bodyOut.flush();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);   // in-memory streams do not fail
        } catch (RuntimeException unencodable) {
            throw JournalFailure.unwritable(unencodable);
        }
        crc.reset();
        crc.update(body.array(), 0, body.size());
        int length = body.size();
        int sum = (int) crc.getValue();
        buffer.write(length >>> 24);
        buffer.write(length >>> 16);
        buffer.write(length >>> 8);
        buffer.write(length);
        buffer.write(sum >>> 24);
        buffer.write(sum >>> 16);
        buffer.write(sum >>> 8);
        buffer.write(sum);
        buffer.write(body.array(), 0, body.size());
    }

    private void str(String s) throws IOException {
        if (s == null) {
            bodyOut.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        bodyOut.writeInt(b.length);
        bodyOut.write(b);
    }

    private static long micros(Instant t) { return ChronoUnit.MICROS.between(Instant.EPOCH, t); }

    // ---- reading

    @Override public List<StoredRoom> recover() {
        var rooms = new LinkedHashMap<String, RoomBuilder>();
        for (Path segment : segments()) readSegment(segment, rooms);
        recovered = java.util.Set.copyOf(rooms.keySet());
        return rooms.values().stream().map(RoomBuilder::build).toList();
    }

    private void readSegment(Path segment, Map<String, RoomBuilder> rooms) {
        long offset = 0;
        try (InputStream raw = Files.newInputStream(segment);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                int sum = in.readInt();
                if (length <= 0 || length > MAX_RECORD) {
                    tornTail(segment, offset, "impossible length");
                    return;
                }
                byte[] b = new byte[length];
                in.readFully(b);
                crc.reset();
                crc.update(b, 0, length);
                if ((int) crc.getValue() != sum) {
                    tornTail(segment, offset, "checksum mismatch");
                    return;
                }
                apply(new DataInputStream(new java.io.ByteArrayInputStream(b)), rooms);
                offset += 8 + length;
            }
        } catch (EOFException torn) {
            tornTail(segment, offset, "record cut short");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the room journal segment " + segment, e);
        }
    }

    private static void tornTail(Path segment, long offset, String why) {
        // Expected after a kill: the batch being written was never acknowledged.
        log.info("room journal {}: stopped reading at byte {} ({}): an unfinished write from before the restart", segment.getFileName(), offset, why);
    }

    private static void apply(DataInputStream in, Map<String, RoomBuilder> rooms) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) throw new IOException("journal record format " + format + " is newer than this release reads");
        byte type = in.readByte();
        String room = readStr(in);
        switch (type) {
            case OPENED -> {
                var b = new RoomBuilder(room, readStr(in));
                in.readLong();
                b.snapshot(readStr(in));
                rooms.put(room, b);
            }
            case CHANGED -> {
                long version = in.readLong();
                Instant at = Instant.EPOCH.plus(in.readLong(), ChronoUnit.MICROS);
                String actor = readStr(in);
                String role = readStr(in);
                String commandId = readStr(in);
                String reply = readStr(in);
                var event = new StoredEvent(version, at, actor, role, commandId, readStr(in), reply);
                boolean snapshot = in.readBoolean();
                RoomBuilder b = rooms.computeIfAbsent(room, r -> new RoomBuilder(r, null));
                b.event(event);
                if (snapshot) b.snapshot(readStr(in));
            }
            case SNAPSHOT -> {
                var b = new RoomBuilder(room, readStr(in));
                b.snapshot(readStr(in));
                int n = in.readInt();
                for (int i = 0; i < n; i++) b.answered(new JournalEntry.Answered(MemberId.of(readStr(in)), readStr(in), readStr(in)));
                rooms.put(room, b);
            }
            case UNCHANGED -> {
                in.readLong();
                var a = new JournalEntry.Answered(MemberId.of(readStr(in)), readStr(in), readStr(in));
                if (rooms.get(room) instanceof RoomBuilder b) b.answered(a);
            }
            case CLOSED -> rooms.remove(room);
            default -> throw new IOException("unknown journal record type " + type);
        }
    }

    private static String readStr(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new EOFException();
        return new String(b, StandardCharsets.UTF_8);
    }

    /** One room while its records are read: the latest snapshot, the changes after it, the answers before it. */
    private static final class RoomBuilder {
        private final String id;
        private final String meetingId;
        private String snapshot;
        private final List<StoredEvent> events = new ArrayList<>();
        private final ArrayDeque<JournalEntry.Answered> answered = new ArrayDeque<>();

        RoomBuilder(String id, String meetingId) {
            this.id = id;
            this.meetingId = meetingId;
        }

        void snapshot(String json) {
            snapshot = json;
            for (StoredEvent e : events) {
                if (e.commandId() != null) answered(new JournalEntry.Answered(MemberId.of(e.actor()), e.commandId(), e.reply()));
            }
            events.clear();
        }

        void event(StoredEvent e) { events.add(e); }

        void answered(JournalEntry.Answered a) {
            answered.addLast(a);
            if (answered.size() > ANSWERS_KEPT * 4) answered.removeFirst();
        }

        StoredRoom build() { return new StoredRoom(RoomId.of(id), meetingId, snapshot, List.copyOf(events), List.copyOf(answered)); }
    }

    // ---- segments

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("rooms-\\d{10}\\.log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the room journal directory " + dir, e);
        }
    }

    private long lastSeq() {
        long last = activeSeq;
        for (Path p : segments()) {
            String n = p.getFileName().toString();
            last = Math.max(last, Long.parseLong(n.substring(6, 16)));
        }
        return last;
    }

    private static String name(long seq) { return String.format("rooms-%010d.log", seq); }

    @Override public void close() { abandonSegment(); }

    /** A byte buffer whose bytes are read in place, not copied for each checksum and write. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) { super(size); }

        byte[] array() { return buf; }
    }
}
