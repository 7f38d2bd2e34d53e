package org.balintcompanion.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.support.RoomClient;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member panel on a phone (390 x 844 in Chromium) while the leaders, played by a scripted socket, run the
 * meeting: what the member sees in the second they look, and what the keyboard and the network do to it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemberPanelBrowserTest {
    private static final AtomicInteger ROOMS = new AtomicInteger();

    private static TestServer server;
    private static Browser amelie;
    private static WebSocketClient sockets;
    private final List<RoomClient> leaders = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        amelie = Browser.start("amelie", 390, 844, "fr-FR,fr");
        sockets = new WebSocketClient();
        sockets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (amelie != null) amelie.close();
        if (sockets != null) sockets.stop();
        if (server != null) server.close();
    }

    @AfterEach
    void noErrorsInTheConsole() throws Exception {
        for (RoomClient c : leaders) c.close();
        leaders.clear();
        amelie.driver.setNetworkConditions(online());
        // A socket refused while offline is logged by Chromium as an error: that one is the test's doing.
        assertEquals(List.of(), amelie.severeLogs().stream().filter(l -> !l.contains("ERR_INTERNET_DISCONNECTED")).toList(),
                "the member's browser logged errors");
    }

    @Test
    void afterTheChecklistThePanelOpensAtItsTop_andTheFloorBannerIsInViewWhenTheFloorComes() throws Exception {
        RoomId room = newRoom();
        RoomClient lea = leader(room);
        join(room);
        MeetingBrowserTest.passChecklist(amelie);
        assertEquals(0L, ((Number) amelie.js("return window.scrollY")).longValue(), "the panel opens at its top");

        // She reads down to the circle; the leader gives her the floor.
        amelie.js("window.scrollTo(0, document.documentElement.scrollHeight)");
        amelie.await(d -> ((Number) amelie.js("return window.scrollY")).longValue() > 200, "scrolled down");
        lea.ack(lea.send("giveFloor", "member", "amelie"));
        amelie.awaitShown("#floor-cue");
        assertTrue((Boolean) amelie.js("""
                const r = document.getElementById('floor-cue').getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight;"""), "the floor banner is on the screen");
    }

    @Test
    void enterRaisesTheHandAndTheKeyboardStaysOnIt() throws Exception {
        RoomId room = newRoom();
        leader(room);
        join(room);
        MeetingBrowserTest.passChecklist(amelie);
        amelie.find("#hand-btn").sendKeys(Keys.ENTER);
        amelie.awaitAttribute("#hand-btn", "data-state", "raised");
        assertEquals("hand-btn", amelie.js("return document.activeElement.id"));
        amelie.find("#hand-btn").sendKeys(Keys.ENTER);
        amelie.awaitAttribute("#hand-btn", "data-state", "lowered");
        assertEquals("hand-btn", amelie.js("return document.activeElement.id"));
    }

    @Test
    void whenTheNetworkGoesThePanelSaysItAtOnce_andComesBackWithIt() throws Exception {
        RoomId room = newRoom();
        leader(room);
        join(room);
        MeetingBrowserTest.passChecklist(amelie);
        ChromiumNetworkConditions offline = online();
        offline.setOffline(true);
        long before = System.nanoTime();
        amelie.driver.setNetworkConditions(offline);
        amelie.awaitAttribute("body", "data-conn", "reconnecting");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertTrue(millis < 3000, "the panel noticed after " + millis + " ms");
        assertTrue(amelie.isShown("#banner-reconnecting"));
        assertTrue(amelie.text("#conn-pill").contains("Reconnexion"), amelie.text("#conn-pill"));

        amelie.driver.setNetworkConditions(online());
        amelie.awaitConnected();
        amelie.click("#hand-btn");
        amelie.awaitAttribute("#hand-btn", "data-state", "raised");
    }

    @Test
    void whenALeaderClearsTooMuchTheMemberIsToldTheLeadersSawIt() throws Exception {
        RoomId room = newRoom();
        RoomClient lea = leader(room);
        join(room);
        MeetingBrowserTest.passChecklist(amelie);
        amelie.click("#too-much-btn");
        amelie.awaitAttribute("#too-much-btn", "aria-pressed", "true");
        lea.ack(lea.send("clearTooMuch", "member", "amelie"));
        amelie.awaitAttribute("#too-much-btn", "aria-pressed", "false");
        amelie.awaitText("#too-much-seen", "Les leaders ont vu votre signal.");

        // Her own untick says nothing of the kind.
        amelie.click("#too-much-btn");
        amelie.awaitAttribute("#too-much-btn", "aria-pressed", "true");
        amelie.awaitHidden("#too-much-seen");
        amelie.click("#too-much-btn");
        amelie.awaitAttribute("#too-much-btn", "aria-pressed", "false");
        assertFalse(amelie.isShown("#too-much-seen"));
    }

    @Test
    void aLinkCutShortByAMailProgramSaysItIsIncomplete() {
        String link = server.link(newRoom(), "amelie");
        amelie.open(link.substring(0, link.indexOf("#token=") + 30));
        amelie.awaitShown("#view-terminal");
        amelie.awaitText("#terminal-message", "incomplet");
        amelie.js("sessionStorage.clear()");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static ChromiumNetworkConditions online() {
        var c = new ChromiumNetworkConditions();
        c.setOffline(false);
        return c;
    }

    private static RoomId newRoom() { return server.openRoom("panel-" + ROOMS.incrementAndGet(), PhaseTemplate.OPEN); }

    private static void join(RoomId room) {
        amelie.open(server.link(room, "amelie"));
        amelie.awaitConnected();
    }

    private RoomClient leader(RoomId room) throws Exception {
        RoomClient c = server.scriptedPanel(sockets, room, "lea", Role.LEADER);
        leaders.add(c);
        return c;
    }
}
