package org.balintcompanion.room;

import java.util.ArrayList;
import java.util.List;

/**
 * Private signals only leaders see. Case volunteers are kept in the order they signalled, so the fastest speaker
 * does not always present; "too much" tells the leaders a member (often the presenter) is overwhelmed.
 */
public record Signals(List<MemberId> hasCase, List<MemberId> tooMuch) {
    public static final Signals NONE = new Signals(List.of(), List.of());

    public Signals {
        hasCase = List.copyOf(hasCase);
        tooMuch = List.copyOf(tooMuch);
    }

    public Signals withCase(MemberId m, boolean on) {
        List<MemberId> next = toggled(hasCase, m, on);
        return next == hasCase ? this : new Signals(next, tooMuch);
    }

    public Signals withTooMuch(MemberId m, boolean on) {
        List<MemberId> next = toggled(tooMuch, m, on);
        return next == tooMuch ? this : new Signals(hasCase, next);
    }

    public Signals without(MemberId m) { return withCase(m, false).withTooMuch(m, false); }

    private static List<MemberId> toggled(List<MemberId> list, MemberId m, boolean on) {
        if (list.contains(m) == on) return list;
        var next = new ArrayList<>(list);
        if (on) next.add(m); else next.remove(m);
        return next;
    }
}
