package org.balintcompanion.browser;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.RoomId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ending a meeting closes its panels for good (close 4503). This runs on its own server: ending a room affects the
 * server's journal, which the other browser tests share.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeetingEndBrowserTest {
    private static TestServer server;
    private static Browser elise;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        elise = Browser.start("elise", 390, 844, "en-US,en");
    }

    @AfterAll
    static void stop() throws Exception {
        if (elise != null) elise.close();
        if (server != null) server.close();
    }

    @AfterEach
    void noErrorsInTheBrowserConsole() {
        assertEquals(List.of(), elise.severeLogs(), "the browser logged errors");
    }

    @Test
    void whenTheMeetingEndsThePanelSaysSoAndStops() {
        RoomId room = server.openRoom("ending", PhaseTemplate.OPEN);
        elise.open(server.link(room, "elise"));
        elise.awaitConnected();
        elise.awaitShown("#view-checklist");

        server.app.rooms().end(room, CloseCodes.MEETING_ENDED, "meeting ended", last -> { });
        elise.awaitShown("#view-terminal");
        elise.awaitText("#terminal-message", "The meeting has ended");
        elise.awaitAttribute("body", "data-conn", "stopped");
        assertEquals("Disconnected", elise.text("#conn-pill"));
    }

    /** Found by this suite: ending a room with panels connected once stalled every other room's acks. */
    @Test
    void endingOneRoomDoesNotStopTheOthers() {
        RoomId ending = server.openRoom("ends-first", PhaseTemplate.OPEN);
        RoomId going = server.openRoom("goes-on", PhaseTemplate.OPEN);
        elise.open(server.link(ending, "elise"));
        elise.awaitConnected();
        server.app.rooms().end(ending, CloseCodes.MEETING_ENDED, "meeting ended", last -> { });
        elise.awaitShown("#view-terminal");

        elise.open(server.link(going, "elise"));
        elise.awaitConnected();
        MeetingBrowserTest.passChecklist(elise);
        elise.click("#hand-btn");
        elise.awaitAttribute("#hand-btn", "data-state", "raised");
        elise.await(d -> elise.find("#hand-btn").isEnabled(), "the raise to be acknowledged");
    }
}
