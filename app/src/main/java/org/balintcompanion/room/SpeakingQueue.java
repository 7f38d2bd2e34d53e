package org.balintcompanion.room;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** The raised hands, in the order the floor will be given. Nobody is ever in it twice. */
public record SpeakingQueue(List<Hand> hands) {
    public static final SpeakingQueue EMPTY = new SpeakingQueue(List.of());

    public SpeakingQueue {
        hands = List.copyOf(hands);
        for (int i = 0; i < hands.size(); i++) {
            for (int j = i + 1; j < hands.size(); j++) {
                if (hands.get(i).member().equals(hands.get(j).member())) {
                    throw new IllegalArgumentException(hands.get(i).member() + " is queued twice");
                }
            }
        }
    }

    public boolean contains(MemberId m) { return indexOf(m) >= 0; }

    public int indexOf(MemberId m) {
        for (int i = 0; i < hands.size(); i++) if (hands.get(i).member().equals(m)) return i;
        return -1;
    }

    public boolean isEmpty() { return hands.isEmpty(); }

    public int size() { return hands.size(); }

    public Hand head() { return hands.get(0); }

    /**
     * Adds a hand where the policy puts it. Spoken-least-first goes behind everyone who has spoken as little or
     * less (so equal counts keep the order of raising) and ahead of those who have spoken more.
     */
    public SpeakingQueue raise(MemberId m, QueuePolicy policy, ToIntFunction<MemberId> turnsTaken) {
        if (contains(m)) return this;
        var next = new ArrayList<>(hands);
        int at = next.size();
        if (policy == QueuePolicy.SPOKEN_LEAST_FIRST) {
            int mine = turnsTaken.applyAsInt(m);
            for (int i = 0; i < next.size(); i++) {
                Hand h = next.get(i);
                if (!h.resumed() && turnsTaken.applyAsInt(h.member()) > mine) { at = i; break; }
            }
        }
        next.add(at, new Hand(m, false));
        return new SpeakingQueue(next);
    }

    public SpeakingQueue without(MemberId m) {
        int i = indexOf(m);
        if (i < 0) return this;
        var next = new ArrayList<>(hands);
        next.remove(i);
        return new SpeakingQueue(next);
    }

    public SpeakingQueue moved(MemberId m, int to) {
        int from = indexOf(m);
        if (from < 0 || from == to) return this;
        var next = new ArrayList<>(hands);
        Hand h = next.remove(from);
        next.add(to, h);
        return new SpeakingQueue(next);
    }

    public SpeakingQueue withAtHead(MemberId m) {
        var next = new ArrayList<Hand>(hands.size() + 1);
        next.add(new Hand(m, true));
        for (Hand h : hands) if (!h.member().equals(m)) next.add(h);
        return new SpeakingQueue(next);
    }

    public List<MemberId> members() {
        var out = new ArrayList<MemberId>(hands.size());
        for (Hand h : hands) out.add(h.member());
        return out;
    }
}
