package org.balintcompanion.room;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole authoritative state of one live room. Immutable: every accepted command makes a new one with the next
 * version. {@code floor}, {@code presenter} and {@code goRound} are null when nobody holds them. {@code presented}
 * lists who told a case in this meeting, in order: the group may keep "presented on" dates, nothing more.
 *
 * <p>{@code epoch} changes whenever the room's history may have been lost (a new process), so clients holding an old
 * (epoch, version) pair take the next snapshot whatever its version.
 */
public record RoomState(RoomId id, String title, String epoch, long version, RoomSettings settings, Roster roster,
                        SpeakingQueue queue, Floor floor, PhaseState phase, MemberId presenter, GoRound goRound,
                        Signals signals, LiveRules rules, List<MemberId> presented) {
    public RoomState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(rules, "rules");
        if (version < 0) throw new IllegalArgumentException("version < 0");
        presented = List.copyOf(presented);
    }

    /** A room as it opens: everyone on the roster absent, no hands, in the template's opening phase, version 0. */
    public static RoomState opening(RoomId id, String title, String epoch, RoomSettings settings,
                                    List<Participant> inSeatOrder, Instant now) {
        Phase first = Phase.OPENING;
        return new RoomState(id, title, epoch, 0, settings, Roster.of(inSeatOrder), SpeakingQueue.EMPTY, null,
                new PhaseState(first, now, settings.targetOf(first), 0), null, null, Signals.NONE, LiveRules.defaults(), List.of());
    }

    public Participant participant(MemberId m) { return roster.get(m); }

    public boolean isPresenter(MemberId m) { return m.equals(presenter); }

    /** The presenter during push-back: shown as listening, kept out of the queue and off the floor. */
    public boolean isListening(MemberId m) { return phase.phase().presenterListens() && isPresenter(m); }

    public boolean hasFloor(MemberId m) { return floor != null && floor.heldBy(m); }

    /** Who is invited to unmute in Zoom right now (advisory). */
    public boolean invitedToUnmute(MemberId m) {
        Participant p = roster.get(m);
        if (p == null || !p.role().speaks() || isListening(m)) return false;
        if (rules.speakingRule() == SpeakingRule.SPEAK_FREELY) return true;
        if (hasFloor(m)) return true;
        return p.role().leads() && rules.mutePolicy() == MutePolicy.FLOOR_AND_LEADERS;
    }

    public RoomState withVersion(long v) {
        return new RoomState(id, title, epoch, v, settings, roster, queue, floor, phase, presenter, goRound, signals, rules, presented);
    }

    public RoomState withEpoch(String e) {
        return new RoomState(id, title, e, version, settings, roster, queue, floor, phase, presenter, goRound, signals, rules, presented);
    }

    public RoomState withRoster(Roster r) {
        if (r == roster) return this;
        return new RoomState(id, title, epoch, version, settings, r, queue, floor, phase, presenter, goRound, signals, rules, presented);
    }

    public RoomState withQueue(SpeakingQueue q) {
        if (q == queue) return this;
        return new RoomState(id, title, epoch, version, settings, roster, q, floor, phase, presenter, goRound, signals, rules, presented);
    }

    public RoomState withFloor(Floor f) {
        if (f == floor) return this;
        return new RoomState(id, title, epoch, version, settings, roster, queue, f, phase, presenter, goRound, signals, rules, presented);
    }

    public RoomState withPhase(PhaseState p) {
        if (p == phase) return this;
        return new RoomState(id, title, epoch, version, settings, roster, queue, floor, p, presenter, goRound, signals, rules, presented);
    }

    public RoomState withPresenter(MemberId m) {
        if (Objects.equals(m, presenter)) return this;
        return new RoomState(id, title, epoch, version, settings, roster, queue, floor, phase, m, goRound, signals, rules, presented);
    }

    public RoomState withGoRound(GoRound g) {
        if (g == goRound) return this;
        return new RoomState(id, title, epoch, version, settings, roster, queue, floor, phase, presenter, g, signals, rules, presented);
    }

    public RoomState withSignals(Signals s) {
        if (s == signals) return this;
        return new RoomState(id, title, epoch, version, settings, roster, queue, floor, phase, presenter, goRound, s, rules, presented);
    }

    /** The presenter begins telling: they join the list of who presented in this meeting. */
    public RoomState withPresentedCase(MemberId m) {
        if (presented.contains(m)) return this;
        var next = new java.util.ArrayList<>(presented);
        next.add(m);
        return new RoomState(id, title, epoch, version, settings, roster, queue, floor, phase, presenter, goRound, signals, rules, next);
    }

    /** Someone taken off the roster leaves no trace, not even in who presented today. */
    public RoomState withoutPresented(MemberId m) {
        if (!presented.contains(m)) return this;
        var next = presented.stream().filter(x -> !x.equals(m)).toList();
        return new RoomState(id, title, epoch, version, settings, roster, queue, floor, phase, presenter, goRound, signals, rules, next);
    }

    public RoomState withRules(LiveRules r) {
        if (r == rules) return this;
        return new RoomState(id, title, epoch, version, settings, roster, queue, floor, phase, presenter, goRound, signals, r, presented);
    }
}
