package org.balintcompanion.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CadenceTest {

    @Test void aParisEveningGroupStaysAt1930LocalAcrossTheSpringAndAutumnChanges() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        List<ZonedDateTime> meetings = Cadence.WEEKLY.occurrences(LocalDateTime.parse("2027-03-18T19:30"), paris, 33, null);
        assertTrue(meetings.stream().allMatch(m -> m.toLocalTime().equals(LocalTime.of(19, 30))));
        Set<ZoneOffset> offsets = meetings.stream().map(ZonedDateTime::getOffset).collect(Collectors.toSet());
        assertEquals(Set.of(ZoneOffset.ofHours(1), ZoneOffset.ofHours(2)), offsets, "UTC time moves, local time does not");
        assertEquals("2027-03-25T18:30Z", meetings.get(1).toInstant().toString().replace(":00Z", "Z"));
        assertEquals("2027-03-18T18:30Z", meetings.get(0).toInstant().toString().replace(":00Z", "Z"));
    }

    @Test void montrealAndAucklandChangeOnOtherDatesAndTheLocalTimeStillHolds() {
        for (String zone : List.of("America/Montreal", "Pacific/Auckland")) {
            List<ZonedDateTime> meetings = Cadence.FORTNIGHTLY.occurrences(LocalDateTime.parse("2027-01-06T20:00"), ZoneId.of(zone), 26, null);
            assertTrue(meetings.stream().allMatch(m -> m.toLocalTime().equals(LocalTime.of(20, 0))), zone);
            assertEquals(2, meetings.stream().map(ZonedDateTime::getOffset).distinct().count(), zone + " crosses a change");
        }
    }

    @Test void monthlyMeansTheSameWeekdayOfTheSameWeek() {
        // 2027-01-12 is the second Tuesday of January.
        List<ZonedDateTime> m = Cadence.MONTHLY.occurrences(LocalDateTime.parse("2027-01-12T19:30"), ZoneId.of("Europe/Paris"), 6, null);
        for (ZonedDateTime t : m) {
            assertEquals(DayOfWeek.TUESDAY, t.getDayOfWeek());
            assertEquals(2, (t.getDayOfMonth() - 1) / 7 + 1, t.toString());
        }
        assertEquals(LocalDate.parse("2027-02-09"), m.get(1).toLocalDate());
    }

    @Test void twiceAMonthPairsTheFirstAndThirdWeeks() {
        List<ZonedDateTime> m = Cadence.TWICE_A_MONTH.occurrences(LocalDateTime.parse("2027-01-05T12:30"), ZoneId.of("Europe/Paris"), 4, null);
        assertEquals(List.of("2027-01-05", "2027-01-19", "2027-02-02", "2027-02-16"),
                m.stream().map(t -> t.toLocalDate().toString()).toList());
    }

    @Test void untilStopsTheSeries() {
        List<ZonedDateTime> m = Cadence.WEEKLY.occurrences(LocalDateTime.parse("2027-01-05T12:30"), ZoneId.of("Europe/Paris"), 200,
                LocalDate.parse("2027-01-31"));
        assertEquals(4, m.size());
    }

    @Test void aSingleMeetingIsOne() {
        assertEquals(1, Cadence.SINGLE.occurrences(LocalDateTime.parse("2027-01-05T12:30"), ZoneId.of("UTC"), 10, null).size());
    }
}
