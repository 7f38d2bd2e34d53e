package org.balintcompanion.room;

import java.util.List;

/** A round through the circle in seat order: each member in turn speaks or passes. */
public record GoRound(List<MemberId> order, int position) {
    public GoRound {
        order = List.copyOf(order);
        if (position < 0 || position >= order.size()) {
            throw new IllegalArgumentException("go-round position out of range");
        }
    }

    public MemberId current() { return order.get(position); }

    public boolean isLast() { return position == order.size() - 1; }

    public GoRound advanced() { return new GoRound(order, position + 1); }

    /** The round without someone who is not its current member (they left the room). */
    public GoRound without(MemberId m) {
        int at = order.indexOf(m);
        if (at < 0) return this;
        if (at == position) throw new IllegalArgumentException("the current member leaves a round by moving it on");
        var next = new java.util.ArrayList<>(order);
        next.remove(at);
        return new GoRound(next, at < position ? position - 1 : position);
    }
}
