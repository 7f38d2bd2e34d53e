package org.balintcompanion.store;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.balintcompanion.live.RoomStore;
import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.Decision;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.Room;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal's promises, held by every sink: an outcome "durable" means it is read back after a restart. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoomJournalTest {
    private static final Instant T0 = Instant.parse("2026-11-27T18:00:00Z");
    private static final Actor LEA = new Actor(MemberId.of("lea"), Role.LEADER);
    private static final MemberId ANA = MemberId.of("ana");

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> sinks() throws Exception {
        return JournalSinks.all();
    }

    /** A room and the changes a leader makes to it, replayed through the real rules like the live room does. */
    private static final class Driver {
        final RoomJournal journal;
        RoomState state;
        int n;
        final List<String> ids = new ArrayList<>();
        final Set<String> durable = ConcurrentHashMap.newKeySet();
        final Set<String> refused = ConcurrentHashMap.newKeySet();

        Driver(RoomJournal journal, String room) {
            this.journal = journal;
            this.state = RoomState.opening(RoomId.of(room), "Groupe", "e1", RoomSettings.defaults(PhaseTemplate.OPEN), List.of(
                    Participant.onRoster(MemberId.of("lea"), "Léa", Role.LEADER),
                    Participant.onRoster(ANA, "Ana", Role.MEMBER)), T0);
            journal.opened(state, null, T0);
        }

        String change() { return change("c" + (n + 1)); }

        String change(String id) {
            n++;
            Command c = n % 2 == 1 ? new Command.RaiseHandFor(ANA) : new Command.LowerHandFor(ANA);
            Instant at = T0.plusMillis(n);
            state = ((Decision.Changed) Room.decide(state, LEA, c, at)).state().withVersion(state.version() + 1);
            ids.add(id);
            journal.changed(state, LEA, c, id, "{\"type\":\"ack\",\"id\":\"" + id + "\",\"version\":" + state.version() + "}", at,
                    new RoomStore.Outcome() {
                        @Override public void durable() { durable.add(id); }

                        @Override public void refused() { refused.add(id); }
                    });
            return id;
        }

        void settle() throws InterruptedException {
            var done = new CountDownLatch(1);
            journal.whenDurable(done::countDown);
            assertTrue(done.await(20, TimeUnit.SECONDS), "the journal settles");
        }
    }

    private static StoredRooms.Result readBack(JournalSink sink) { return new StoredRooms(new RoomStateCodec()).restore(sink.recover()); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinks")
    void everyDurableChangeIsReadBackAfterARestartWithItsCommandId(String name, JournalSinks.Factory factory) throws Exception {
        try (var opened = factory.open()) {
            var journal = new RoomJournal(opened.sink(), 10_000);
            journal.start(List.of());
            var room = new Driver(journal, "r1");
            for (int i = 0; i < 450; i++) room.change();   // crosses two snapshots
            room.settle();
            assertEquals(Set.copyOf(room.ids), room.durable);
            journal.close();

            var result = readBack(opened.reopen());
            assertEquals(1, result.restored().size());
            assertEquals(room.state, result.restored().get(0).state());
            Set<String> answered = result.restored().get(0).answered().stream().map(JournalEntry.Answered::commandId).collect(Collectors.toSet());
            assertTrue(answered.containsAll(room.ids.subList(room.ids.size() - 256, room.ids.size())), "recent ids are remembered");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinks")
    void theAnswerToACommandThatChangedNothingIsReadBackForItsRetry(String name, JournalSinks.Factory factory) throws Exception {
        try (var opened = factory.open()) {
            var journal = new RoomJournal(opened.sink(), 10_000);
            journal.start(List.of());
            var room = new Driver(journal, "r1");
            room.change();
            var done = new CountDownLatch(1);
            journal.unchanged(room.state, LEA, "again", "{\"type\":\"ack\",\"id\":\"again\",\"version\":1}", new RoomStore.Outcome() {
                @Override public void durable() { done.countDown(); }

                @Override public void refused() {}
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            journal.close();
            var answered = readBack(opened.reopen()).restored().get(0).answered();
            assertTrue(answered.contains(new JournalEntry.Answered(LEA.member(), "again", "{\"type\":\"ack\",\"id\":\"again\",\"version\":1}")),
                    answered.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinks")
    void aClosedRoomIsForgottenAndAReopenedOneStartsAfresh(String name, JournalSinks.Factory factory) throws Exception {
        try (var opened = factory.open()) {
            var journal = new RoomJournal(opened.sink(), 10_000);
            journal.start(List.of());
            var ended = new Driver(journal, "r1");
            ended.change();
            journal.closed(RoomId.of("r1"));
            var reopened = new Driver(journal, "r1");
            reopened.change();
            reopened.change();
            var other = new Driver(journal, "r2");
            other.change();
            journal.closed(RoomId.of("r2"));
            reopened.settle();
            journal.close();

            var result = readBack(opened.reopen());
            assertEquals(List.of(reopened.state), result.restored().stream().map(StoredRooms.Restored::state).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinks")
    void aChangeTheStoreRefusesIsKeptAsASnapshotAndHoldsUpNobody(String name, JournalSinks.Factory factory) throws Exception {
        try (var opened = factory.open()) {
            var sink = new Refusing(opened.sink(), e -> e instanceof JournalEntry.Changed c && "poison".equals(c.commandId()));
            var journal = new RoomJournal(sink, 10_000);
            journal.start(List.of());
            var room = new Driver(journal, "r1");
            var other = new Driver(journal, "r2");
            room.change();
            room.change("poison");
            other.change();
            room.change();
            room.settle();
            assertEquals(Set.of("c1", "poison", "c3"), room.durable, "the refused change became durable through a snapshot");
            assertEquals(Set.of("c1"), other.durable);
            journal.close();

            var result = readBack(opened.reopen());
            assertEquals(List.of(), result.unrestorable());
            var restored = result.restored().stream().filter(r -> r.state().id().value().equals("r1")).findFirst().orElseThrow();
            assertEquals(room.state, restored.state());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinks")
    void aChangeThatCannotBeSavedAtAllIsAnsweredAloneAndTheRoomStaysRestorable(String name, JournalSinks.Factory factory) throws Exception {
        try (var opened = factory.open()) {
            // Refuses the poisoned change, and the room's snapshot at that version: nothing can carry it now.
            var sink = new Refusing(opened.sink(), e -> e instanceof JournalEntry.Changed c && "poison".equals(c.commandId())
                    || e instanceof JournalEntry.Snapshot s && s.state().version() == 2);
            var journal = new RoomJournal(sink, 10_000);
            journal.start(List.of());
            var room = new Driver(journal, "r1");
            room.change();
            room.change("poison");
            room.change();
            room.settle();
            assertEquals(Set.of("poison"), room.refused);
            assertEquals(Set.of("c1", "c3"), room.durable);
            journal.close();

            var result = readBack(opened.reopen());
            assertEquals(List.of(), result.unrestorable(), "the next change carried the whole room: no gap");
            assertEquals(room.state, result.restored().get(0).state());
        }
    }

    @Test void poisonTextThatPostgresqlRefusesStallsNoOtherRoom() throws Exception {
        var pg = org.balintcompanion.support.TestDatabases.postgres();
        org.junit.jupiter.api.Assumptions.assumeTrue(pg != null, "PostgreSQL not configured (BALINT_TEST_PG_URL)");
        var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        try (var opened = JournalSinks.tables(pg)) {
            var journal = new RoomJournal(opened.sink(), 10_000);
            journal.start(List.of());
            var room = new Driver(journal, "r1");
            var other = new Driver(journal, "r2");
            room.change("bad\u0000id");
            other.change();
            room.change();
            room.settle();
            assertEquals(Set.of("bad\u0000id", "c2"), room.durable);
            assertEquals(Set.of("c1"), other.durable);
            assertEquals(RoomJournal.State.RUNNING, journal.health().state());
            journal.close();
            var result = readBack(opened.reopen());
            assertEquals(2, result.restored().size());
            assertEquals(List.of(), result.unrestorable());
        } finally {
            root.detachAppender(logged);
        }
        assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains("22021")), "the refusal is logged, by its SQL state");
        for (var e : logged.list) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(text.contains("bad") || text.contains("RaiseHandFor") || text.contains("ana"), "no bound value in the log: " + text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinks")
    void aStoreThatFailsForAWhileIsRetriedAndNothingIsAcknowledgedMeanwhile(String name, JournalSinks.Factory factory) throws Exception {
        try (var opened = factory.open()) {
            var sink = new Failing(opened.sink());
            var journal = new RoomJournal(sink, 5);
            journal.start(List.of());
            var room = new Driver(journal, "r1");
            room.settle();
            sink.failing = true;
            room.change();
            awaitTrue(() -> journal.health().state() == RoomJournal.State.RETRYING);
            for (int i = 0; i < 5; i++) room.change();
            assertFalse(journal.accepting(), "a full queue takes no more members' commands");
            assertEquals(Set.of(), room.durable, "nothing is acknowledged while the store fails");
            sink.failing = false;
            room.settle();
            assertEquals(Set.copyOf(room.ids), room.durable);
            assertTrue(journal.accepting());
            assertEquals(RoomJournal.State.RUNNING, journal.health().state());
            journal.close();
            assertEquals(room.state, readBack(opened.reopen()).restored().get(0).state());
        }
    }

    @Test void aBugOnTheJournalThreadDoesNotStopIt() throws Exception {
        try (var opened = JournalSinks.file()) {
            var calls = new AtomicInteger();
            JournalSink buggy = new Delegating(opened.sink()) {
                @Override public void append(List<JournalEntry> entries) throws JournalFailure {
                    if (calls.incrementAndGet() == 2) throw new NullPointerException("a bug");
                    super.append(entries);
                }
            };
            var journal = new RoomJournal(buggy, 100);
            journal.start(List.of());
            var room = new Driver(journal, "r1");
            room.settle();
            room.change();
            room.settle();
            assertEquals(Set.of("c1"), room.durable);
            assertTrue(journal.health().writerAlive());
            journal.close();
        }
    }

    /** A kill can cut the file anywhere: whatever prefix survives reads back as a room whose answers match its state. */
    @Test void theFileReadsBackWhereverAKillCutItAndASnapshotNeverOutrunsItsCommandId(@TempDir Path dir) throws Exception {
        var codec = new RoomStateCodec();
        var journal = new RoomJournal(new FileJournalSink(dir, codec), 10_000);
        journal.start(List.of());
        var room = new Driver(journal, "r1");
        List<RoomState> states = new ArrayList<>();
        states.add(room.state);
        for (int i = 0; i < 230; i++) {
            room.change();
            states.add(room.state);
            if (i % 7 == 0) room.settle();   // many batches, so the cut falls between and inside them
        }
        room.settle();
        journal.close();
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".log")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        byte[] whole = Files.readAllBytes(segment);
        List<Integer> cuts = new ArrayList<>();
        for (int at = 0; at < whole.length; ) {
            int len = ByteBuffer.wrap(whole, at, 4).getInt();
            cuts.add(at);
            cuts.add(at + 5);   // inside the record's header or body: a torn write
            at += 8 + len;
        }
        cuts.add(whole.length);
        Path cutDir = Files.createTempDirectory("cut");
        for (int cut : cuts) {
            Path copy = cutDir.resolve(segment.getFileName());
            Files.write(copy, java.util.Arrays.copyOf(whole, Math.min(cut, whole.length)));
            var result = new StoredRooms(codec).restore(new FileJournalSink(cutDir, codec).recover());
            assertEquals(List.of(), result.unrestorable(), "cut at " + cut);
            if (result.restored().isEmpty()) continue;
            var r = result.restored().get(0);
            int v = (int) r.state().version();
            assertEquals(states.get(v), r.state(), "cut at " + cut);
            Set<String> answered = r.answered().stream().map(JournalEntry.Answered::commandId).collect(Collectors.toSet());
            assertTrue(answered.containsAll(room.ids.subList(Math.max(0, v - 256), v)), "every change in the state has its id, cut at " + cut);
            Files.delete(copy);
        }
    }

    @Test void aFullSegmentIsFollowedByAFreshOneAndTheOldOnesAreDeleted(@TempDir Path dir) throws Exception {
        var codec = new RoomStateCodec();
        var journal = new RoomJournal(new FileJournalSink(dir, codec, 16 * 1024), 10_000);
        journal.start(List.of());
        var a = new Driver(journal, "r1");
        var b = new Driver(journal, "r2");
        for (int i = 0; i < 300; i++) {
            a.change();
            b.change();
            if (i % 10 == 0) a.settle();
        }
        a.settle();
        journal.close();
        long segments;
        try (var files = Files.list(dir)) {
            segments = files.filter(p -> p.toString().endsWith(".log")).count();
        }
        assertTrue(segments <= 2, segments + " segments kept");
        var result = new StoredRooms(codec).restore(new FileJournalSink(dir, codec).recover());
        assertEquals(Set.of(a.state, b.state), Set.copyOf(result.restored().stream().map(StoredRooms.Restored::state).toList()));
        var answered = result.restored().get(0).answered().stream().map(JournalEntry.Answered::commandId).toList();
        assertNotNull(answered);
        assertTrue(answered.contains(a.ids.get(a.ids.size() - 1)), "the last answer survives a new segment");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(5);
        }
    }

    private static class Delegating implements JournalSink {
        final JournalSink inner;

        Delegating(JournalSink inner) { this.inner = inner; }

        @Override public void append(List<JournalEntry> entries) throws JournalFailure { inner.append(entries); }

        @Override public List<StoredRoom> recover() { return inner.recover(); }

        @Override public void rebase(List<JournalEntry.Snapshot> rooms) throws JournalFailure { inner.rebase(rooms); }

        @Override public void close() { inner.close(); }
    }

    /** Refuses, as a database refuses a value it cannot hold, any write that contains a matching entry. */
    private static final class Refusing extends Delegating {
        final Predicate<JournalEntry> poison;

        Refusing(JournalSink inner, Predicate<JournalEntry> poison) {
            super(inner);
            this.poison = poison;
        }

        @Override public void append(List<JournalEntry> entries) throws JournalFailure {
            if (entries.stream().anyMatch(poison)) throw new JournalFailure(JournalFailure.Kind.REFUSED, "refused", null);
            super.append(entries);
        }
    }

    /** A disk or database that fails while {@code failing} is set, as a full disk or a lost connection does. */
    private static final class Failing extends Delegating {
        volatile boolean failing;

        Failing(JournalSink inner) { super(inner); }

        @Override public void append(List<JournalEntry> entries) throws JournalFailure {
            if (failing) throw new JournalFailure(JournalFailure.Kind.TRANSIENT, "unavailable", null);
            super.append(entries);
        }
    }
}
