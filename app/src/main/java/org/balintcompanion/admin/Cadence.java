package org.balintcompanion.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a group meets. Dates are computed in the group's own zone, so a 19:30 meeting stays at 19:30 local
 * time across daylight-saving changes (its UTC instant moves instead). Monthly means "the same weekday of the same
 * week", as groups say it ("le 2e mardi du mois"); twice a month pairs weeks 1 and 3, or 2 and 4.
 */
public enum Cadence {
    SINGLE, WEEKLY, FORTNIGHTLY, TWICE_A_MONTH, MONTHLY;

    /** At most {@code count} meetings, none after {@code until} (when given). */
    public List<ZonedDateTime> occurrences(LocalDateTime first, ZoneId zone, int count, LocalDate until) {
        var out = new ArrayList<ZonedDateTime>();
        for (LocalDate d : dates(first.toLocalDate(), count, until)) out.add(ZonedDateTime.of(d, first.toLocalTime(), zone));
        return out;
    }

    private List<LocalDate> dates(LocalDate first, int count, LocalDate until) {
        var out = new ArrayList<LocalDate>();
        int limit = this == SINGLE ? 1 : count;
        LocalDate month = first.withDayOfMonth(1);
        LocalDate d = first;
        while (out.size() < limit) {
            List<LocalDate> candidates = switch (this) {
                case SINGLE -> List.of(first);
                case WEEKLY -> List.of(first.plusWeeks(out.size()));
                case FORTNIGHTLY -> List.of(first.plusWeeks(2L * out.size()));
                case MONTHLY -> List.of(nthWeekday(month, first.getDayOfWeek(), weekOf(first)));
                case TWICE_A_MONTH -> twiceIn(month, first);
            };
            for (LocalDate c : candidates) {
                if (c.isBefore(first) || out.contains(c) || out.size() >= limit) continue;
                if (until != null && c.isAfter(until)) return out;
                out.add(c);
            }
            if (this == MONTHLY || this == TWICE_A_MONTH) month = month.plusMonths(1);
            if (out.size() > 400) break;
        }
        return out;
    }

    private static List<LocalDate> twiceIn(LocalDate month, LocalDate first) {
        int week = Math.min(weekOf(first), 4);
        int a = week <= 2 ? week : week - 2;
        return List.of(nthWeekday(month, first.getDayOfWeek(), a), nthWeekday(month, first.getDayOfWeek(), a + 2));
    }

    /** 1 to 4, or 5 meaning "the last". */
    private static int weekOf(LocalDate d) { return (d.getDayOfMonth() - 1) / 7 + 1; }

    private static LocalDate nthWeekday(LocalDate month, DayOfWeek day, int n) {
        if (n >= 5) return month.with(TemporalAdjusters.lastInMonth(day));
        return month.with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
