package org.balintcompanion.browser;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.RoomId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Paris group's meeting at 19:30, seen from a computer in Montréal, where it is 13:30: the pages say the time in
 * the reader's own zone and language, with the group's time beside it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeetingTimeBrowserTest {
    /** Wednesday 2 December 2026, 19:30 in Paris (UTC+1), 13:30 in Montréal (UTC-5). */
    private static final Instant HALF_PAST_SEVEN_IN_PARIS = Instant.parse("2026-12-02T18:30:00Z");
    private static final AtomicInteger ROOMS = new AtomicInteger();

    private static TestServer server;
    private static Browser montreal;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        montreal = Browser.startInZone("America/Montreal", "ines", 390, 844, "fr-FR,fr");
    }

    @AfterAll
    static void stop() throws Exception {
        if (montreal != null) montreal.close();
        if (server != null) server.close();
    }

    @AfterEach
    void backToFrenchWithNoErrorsInTheConsole() {
        if (montreal.isShown("#lang-switch [data-lang='fr']")) montreal.click("#lang-switch [data-lang='fr']");
        assertEquals(List.of(), montreal.severeLogs(), "the browser logged errors");
    }

    @Test
    void aMemberInMontrealSeesTheMeetingAtHerOwnTime_withParisTimeBeside_inFrenchAndInEnglish() {
        assertEquals(13L, montreal.js("return new Date(arguments[0]).getHours()", HALF_PAST_SEVEN_IN_PARIS.toString()),
                "the browser's clock reads in Montréal's zone (which it may name America/Toronto)");
        RoomId room = server.openMeetingRoom("time-" + ROOMS.incrementAndGet(), HALF_PAST_SEVEN_IN_PARIS, ZoneId.of("Europe/Paris"));
        montreal.open(server.link(room, "amelie"));
        montreal.awaitConnected();

        montreal.awaitText("#room-when", "13:30");
        assertEquals("Groupe Balint du jeudi", montreal.text("#room-title"));
        assertEquals("mercredi 2 décembre · 13:30 chez vous · 19:30 heure de Paris", montreal.text("#room-when"));

        assertEquals(List.of(), montreal.axeViolations(), "serious or critical accessibility violations");
        montreal.click("#lang-switch [data-lang='en']");
        montreal.awaitText("#room-when", "1:30");
        assertEquals("Wednesday 2 December · 1:30 pm your time · 7:30 pm Paris time", montreal.text("#room-when"));
    }

    @Test
    void whenItIsAlreadyTomorrowInParis_theGroupsTimeSaysWhichDay() {
        Instant oneInTheMorningInParis = Instant.parse("2026-12-03T00:00:00Z");
        RoomId room = server.openMeetingRoom("time-" + ROOMS.incrementAndGet(), oneInTheMorningInParis, ZoneId.of("Europe/Paris"));
        montreal.open(server.link(room, "amelie"));
        montreal.awaitConnected();
        montreal.awaitText("#room-when", "mercredi 2 décembre · 19:00 chez vous · jeudi 3 décembre, 01:00 heure de Paris");
    }

    @Test
    void aLeaderInMontrealSeesTheMeetingAtHerOwnTimeInTheConsole() {
        RoomId room = server.openMeetingRoom("time-" + ROOMS.incrementAndGet(), HALF_PAST_SEVEN_IN_PARIS, ZoneId.of("Europe/Paris"));
        montreal.open(server.link(room, "lea"));
        montreal.awaitConnected();
        montreal.awaitText("#room-when", "13:30 chez vous · 19:30 heure de Paris");
    }

    @Test
    void aRoomTiedToNoMeetingShowsItsNameAndNoDate() {
        RoomId room = server.openRoom("time-" + ROOMS.incrementAndGet(), PhaseTemplate.OPEN);
        montreal.open(server.link(room, "amelie"));
        montreal.awaitConnected();
        montreal.awaitText("#room-title", "Groupe Balint du jeudi");
        montreal.awaitHidden("#room-when");
    }
}
