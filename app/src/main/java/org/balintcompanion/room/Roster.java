package org.balintcompanion.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Everyone on the room's roster, and the seat order (the circle, mirrored by the Zoom gallery). */
public record Roster(Map<MemberId, Participant> people, List<MemberId> seats) {
    public Roster {
        people = Map.copyOf(people);
        seats = List.copyOf(seats);
        if (seats.size() != people.size() || !people.keySet().containsAll(seats)
                || new HashSet<>(seats).size() != seats.size()) {
            throw new IllegalArgumentException("the seat order must name every person once");
        }
    }

    public static Roster of(List<Participant> inSeatOrder) {
        var people = new HashMap<MemberId, Participant>();
        for (Participant p : inSeatOrder) people.put(p.id(), p);
        return new Roster(people, inSeatOrder.stream().map(Participant::id).toList());
    }

    public Participant get(MemberId id) { return people.get(id); }

    public boolean contains(MemberId id) { return people.containsKey(id); }

    public int turnsOf(MemberId id) {
        Participant p = people.get(id);
        return p == null ? 0 : p.turns();
    }

    public Roster with(Participant p) {
        if (people.get(p.id()) == p) return this;
        var next = new HashMap<>(people);
        next.put(p.id(), p);
        return new Roster(next, seats);
    }

    public Roster without(MemberId id) {
        if (!people.containsKey(id)) return this;
        var next = new HashMap<>(people);
        next.remove(id);
        return new Roster(next, seats.stream().filter(m -> !m.equals(id)).toList());
    }

    public Roster withSeats(List<MemberId> order) { return new Roster(people, order); }

    /** True when {@code order} names exactly the people on the roster, each once. */
    public boolean isSeatOrder(List<MemberId> order) {
        return order.size() == people.size() && new HashSet<>(order).size() == order.size()
                && people.keySet().containsAll(order);
    }
}
