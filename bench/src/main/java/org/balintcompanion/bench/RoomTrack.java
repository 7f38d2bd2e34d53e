package org.balintcompanion.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One room as the generator sees it: its panels, which version each holds, when the last counted panel reached each
 * version (a ring indexed by version), and a model of the room precise enough that every command it issues changes
 * the room (so every command has a "new version" whose fan-out can be timed).
 *
 * <p>Traffic model (roles from {@link Layout}): members m02…m(M-2) raise/lower their own hand, toggle checklist
 * items and their "I have a case" signal; the co-leader m01 toggles checklist items; the leader m00 gives the floor
 * to m01 and ends the turn, and moves the phase OPENING ⇄ WHO_HAS_A_CASE. The last member m(M-1) only listens (it is
 * the one that stops reading in the slow-consumer scenario). Each part of the state is changed by one panel only,
 * and one panel's commands are applied in order, so the model never disagrees with the server.
 */
final class RoomTrack {
    static final String[] CHECKLIST = {"alone", "unheard", "headphones", "realName", "notRecording"};
    private static final int RING = 2048;

    final int index;
    final String id;
    final List<Client> clients = new ArrayList<>();
    /** Under attack in the flood scenario: its fan-out is recorded apart. */
    volatile boolean attacked;

    // model, touched only by the scheduler thread
    private boolean[] hand;
    private boolean[][] confirmed;
    private boolean[] signal;
    private boolean floorGiven;
    private boolean phaseWho;

    // tracking, under this object's lock
    private final long[] slotVersion = new long[RING];
    private final int[] slotReached = new int[RING];
    private final long[] slotLastNanos = new long[RING];
    private final boolean[] slotComplete = new boolean[RING];
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final List<Pending>[] slotWaiting = new List[RING];
    private int expected;
    private long maxVersion = -1;
    private long changedAcks;
    final LongAdder stale = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    static final ConcurrentHashMap<String, LongAdder> ATTACK_ERRORS = new ConcurrentHashMap<>();
    static final ConcurrentHashMap<String, LongAdder> UNSOLICITED_ERRORS = new ConcurrentHashMap<>();

    RoomTrack(int index, String id) {
        this.index = index;
        this.id = id;
        java.util.Arrays.fill(slotVersion, -1);
    }

    void initModel() {
        int m = clients.size();
        hand = new boolean[m];
        confirmed = new boolean[m][CHECKLIST.length];
        signal = new boolean[m];
    }

    synchronized void recount() {
        int n = 0;
        for (Client c : clients) if (c.counted) n++;
        expected = n;
    }

    synchronized long maxVersion() { return maxVersion; }

    /** Highest version any ack of this room carried (kill scenario: what must survive a crash). */
    private long maxAckedVersion = -1;

    synchronized long maxAckedVersion() { return maxAckedVersion; }

    /**
     * Compares a leader's snapshot with the model: every command the generator sent was applied exactly once iff
     * each hand, checklist answer, signal, the floor and the phase are what the model says. Returns the differences.
     */
    List<String> differences(com.fasterxml.jackson.databind.JsonNode snapshot) {
        var out = new ArrayList<String>();
        var room = snapshot.path("room");
        var queue = new java.util.HashSet<String>();
        room.path("queue").forEach(n -> queue.add(n.asText()));
        var hasCase = new java.util.HashSet<String>();
        room.path("signals").path("hasCase").forEach(n -> hasCase.add(n.asText()));
        var confirmedBy = new java.util.HashMap<String, java.util.Set<String>>();
        room.path("people").forEach(p -> {
            var set = new java.util.HashSet<String>();
            p.path("confirmed").forEach(n -> set.add(n.asText()));
            confirmedBy.put(p.path("id").asText(), set);
        });
        for (int i = 0; i < clients.size(); i++) {
            String m = Layout.memberId(i);
            if (queue.contains(m) != hand[i]) out.add(id + ": hand of " + m);
            if (hasCase.contains(m) != signal[i]) out.add(id + ": case signal of " + m);
            for (int k = 0; k < CHECKLIST.length; k++) {
                if (confirmedBy.getOrDefault(m, java.util.Set.of()).contains(CHECKLIST[k]) != confirmed[i][k]) {
                    out.add(id + ": checklist " + CHECKLIST[k] + " of " + m);
                }
            }
        }
        boolean floor = Layout.memberId(1).equals(room.path("floor").path("member").asText(null));
        if (floor != floorGiven) out.add(id + ": floor");
        boolean who = "WHO_HAS_A_CASE".equals(room.path("phase").path("name").asText());
        if (who != phaseWho) out.add(id + ": phase");
        return out;
    }

    synchronized long changedAcks() { return changedAcks; }

    /** A state or snapshot frame holding version {@code v} reached panel {@code c}. */
    synchronized void delivered(Client c, long v, long now, boolean snapshot) {
        if (v < 0) return;
        long prev = c.highest;
        if (v <= prev) {
            if (!snapshot) {
                stale.increment();
                c.staleFrames++;
            }
            return;
        }
        c.highest = v;
        if (v > maxVersion) maxVersion = v;
        if (!snapshot) deliveries.increment();
        if (!c.counted) return;
        for (long x = Math.max(prev + 1, v - RING + 1); x <= v; x++) reach(x, now);
    }

    private void reach(long v, long now) {
        int s = (int) (v % RING);
        if (slotVersion[s] != v) {
            if (slotVersion[s] > v) return;
            initSlot(s, v);
        }
        slotReached[s]++;
        slotLastNanos[s] = now;
        if (!slotComplete[s] && slotReached[s] >= expected) {
            slotComplete[s] = true;
            List<Pending> waiting = slotWaiting[s];
            if (waiting != null) {
                for (Pending p : waiting) record(p, now);
                waiting.clear();
            }
        }
    }

    private void initSlot(int s, long v) {
        List<Pending> waiting = slotWaiting[s];
        if (waiting != null && !waiting.isEmpty()) {
            for (Pending p : waiting) p.phase().lostFanout.increment();
            waiting.clear();
        }
        slotVersion[s] = v;
        slotReached[s] = 0;
        slotComplete[s] = false;
    }

    /** The sender's ack: the command is in version {@code v}. */
    synchronized void acked(Client c, Pending p, long v, long now) {
        PhaseStats ph = p.phase();
        ph.acked.increment();
        if (v > maxAckedVersion) maxAckedVersion = v;
        ph.ack.recordValue(Math.max(0, (now - p.intendedNanos()) / 1000));
        if (v <= p.senderVersionAtSend()) {
            ph.unchanged.increment();
            return;
        }
        ph.changed.increment();
        changedAcks++;
        int s = (int) (v % RING);
        if (slotVersion[s] != v) {
            if (slotVersion[s] > v) {
                ph.lostFanout.increment();
                return;
            }
            initSlot(s, v);
        }
        if (slotComplete[s]) {
            record(p, slotLastNanos[s]);
        } else {
            if (slotWaiting[s] == null) slotWaiting[s] = new ArrayList<>(2);
            slotWaiting[s].add(p);
        }
    }

    private void record(Pending p, long lastNanos) {
        PhaseStats ph = p.phase();
        long micros = Math.max(0, (lastNanos - p.intendedNanos()) / 1000);
        (attacked ? ph.fanoutAttacked : ph.fanout).recordValue(micros);
        int sec = (int) ((p.intendedNanos() - ph.startNanos) / 1_000_000_000L);
        if (sec >= 0 && sec < ph.worstBySecond.length()) ph.worstBySecond.accumulateAndGet(sec, micros, Math::max);
        ph.completed.increment();
    }

    void attackError(String code) { ATTACK_ERRORS.computeIfAbsent(String.valueOf(code), k -> new LongAdder()).increment(); }

    void unsolicitedError(String code) { UNSOLICITED_ERRORS.computeIfAbsent(String.valueOf(code), k -> new LongAdder()).increment(); }

    // ---- traffic model (scheduler thread only) ----

    record Command(Client by, String json, String id) {}

    /** Weights: hand, checklist, floor, phase, signal. */
    Command next(SplittableRandom rnd, int[] weights, int total) {
        int m = clients.size();
        int pick = rnd.nextInt(total);
        int kind = 0;
        while (pick >= weights[kind]) pick -= weights[kind++];
        int lastToggler = m - 2; // m(M-1) only listens
        switch (kind) {
            case 0 -> { // hand
                int i = 2 + rnd.nextInt(lastToggler - 1);
                Client c = clients.get(i);
                String id = c.nextId();
                boolean up = hand[i];
                hand[i] = !up;
                return new Command(c, "{\"type\":\"" + (up ? "lowerHand" : "raiseHand") + "\",\"id\":\"" + id + "\"}", id);
            }
            case 1 -> { // checklist
                int i = 1 + rnd.nextInt(lastToggler);
                int k = rnd.nextInt(CHECKLIST.length);
                Client c = clients.get(i);
                String id = c.nextId();
                boolean yes = !confirmed[i][k];
                confirmed[i][k] = yes;
                return new Command(c, "{\"type\":\"confirmChecklist\",\"id\":\"" + id + "\",\"item\":\"" + CHECKLIST[k]
                        + "\",\"confirmed\":" + yes + "}", id);
            }
            case 2 -> { // floor
                Client c = clients.get(0);
                String id = c.nextId();
                boolean give = !floorGiven;
                floorGiven = give;
                return new Command(c, give ? "{\"type\":\"giveFloor\",\"id\":\"" + id + "\",\"member\":\"" + Layout.memberId(1) + "\"}"
                        : "{\"type\":\"endTurn\",\"id\":\"" + id + "\"}", id);
            }
            case 3 -> { // phase
                Client c = clients.get(0);
                String id = c.nextId();
                phaseWho = !phaseWho;
                return new Command(c, "{\"type\":\"setPhase\",\"id\":\"" + id + "\",\"phase\":\""
                        + (phaseWho ? "WHO_HAS_A_CASE" : "OPENING") + "\"}", id);
            }
            default -> { // signal
                int i = 2 + rnd.nextInt(lastToggler - 1);
                Client c = clients.get(i);
                String id = c.nextId();
                boolean on = !signal[i];
                signal[i] = on;
                return new Command(c, "{\"type\":\"signalCase\",\"id\":\"" + id + "\",\"on\":" + on + "}", id);
            }
        }
    }

    /** Undo the model change of a command that could not be sent (its panel was not connected). */
    void unsent(Command c) {
        // The model flipped a flag for a command that never left; flip it back by parsing what was meant.
        String j = c.json();
        int i = c.by().index;
        if (j.contains("\"raiseHand\"") || j.contains("\"lowerHand\"")) hand[i] = !hand[i];
        else if (j.contains("confirmChecklist")) {
            for (int k = 0; k < CHECKLIST.length; k++) if (j.contains("\"" + CHECKLIST[k] + "\"")) confirmed[i][k] = !confirmed[i][k];
        } else if (j.contains("giveFloor") || j.contains("endTurn")) floorGiven = !floorGiven;
        else if (j.contains("setPhase")) phaseWho = !phaseWho;
        else if (j.contains("signalCase")) signal[i] = !signal[i];
    }
}
