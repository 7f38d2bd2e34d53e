package org.balintcompanion.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.Phase;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leader console as a leader uses it in a real meeting: a twelve-person group, members' panels played by scripted
 * sockets, the leader in headless Chromium at a laptop's 1280 x 800 (and a phone's 390 px).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConsoleBrowserTest {
    private static final AtomicInteger ROOMS = new AtomicInteger();
    private static final List<String> MEMBERS = List.of("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10");

    private static TestServer server;
    private static Browser lea;
    private static WebSocketClient sockets;
    private final List<RoomClient> panels = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        lea = Browser.start("lea", 1280, 800, "en-US,en");
        sockets = new WebSocketClient();
        sockets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (lea != null) lea.close();
        if (sockets != null) sockets.stop();
        if (server != null) server.close();
    }

    @AfterEach
    void noErrorsInTheConsole() throws Exception {
        for (RoomClient p : panels) p.close();
        panels.clear();
        lea.resize(1280, 800);
        if (lea.driver.getCurrentUrl().startsWith(server.base)) lea.js("localStorage.removeItem('balint.lang')");
        assertEquals(List.of(), lea.severeLogs(), "the leader's browser logged errors");
    }

    @Test
    void atALaptopsSizeOneLookShowsTheSpeakerTheWholeQueueThePhaseAndTheSignals_withoutScrolling() throws Exception {
        RoomId room = twelvePersonRoom();
        openConsoleAt1280x800(room);
        RoomClient hugo = panel(room, "hugo", Role.CO_LEADER);
        for (String m : MEMBERS) hugo.ack(hugo.send("raiseHandFor", "member", m));
        hugo.ack(hugo.send("raiseHandFor", "member", "hugo"));
        hugo.ack(hugo.send("giveFloor", "member", "lea"));
        RoomClient m02 = panel(room, "m02", Role.MEMBER);
        m02.ack(m02.send("signalTooMuch", "on", true));
        lea.awaitShown("#too-much-list li[data-key='m02']");
        lea.await(d -> lea.findAll("#queue-list > li").size() == 11, "eleven raised hands");
        lea.awaitText("#floor-name", "Léa Martin");

        assertTrue(lea.text("#phase-timer-text").matches("0:0\\d of 5:00.*"), lea.text("#phase-timer-text"));
        lea.click("#lang-switch [data-lang='fr']");
        lea.awaitText("#queue-title", "Mains levées");
        lea.js("document.activeElement.blur()");
        lea.screenshotOfTheWindow(MeetingBrowserTest.repositoryRoot().resolve("docs/screenshots/leader-1280x800.png"));
        List<String> hidden = new ArrayList<>();
        for (String css : List.of("#floor-name", "#floor-since", "#end-turn-btn", "#phase-title", "#phase-timer-text",
                "#signals-panel", "#too-much-list li[data-key='m02']")) {
            if (!inFirstScreen(css)) hidden.add(css);
        }
        for (int i = 1; i <= 11; i++) if (!inFirstScreen("#queue-list > li:nth-child(" + i + ")")) hidden.add("queue #" + i);
        assertEquals(List.of(), hidden, "seen without scrolling at 1280 x 800, in French too");

        // The circle: one line per person, and only the seat handle and the menu as controls.
        for (var seat : lea.findAll("#seat-list > li")) {
            assertTrue(seat.getSize().getHeight() <= 56, seat.getText() + " takes " + seat.getSize().getHeight() + " px");
        }
        long controls = lea.findAll("#seat-list button, #seat-list select, #seat-list summary").stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed).count();
        assertEquals(2L * 12, controls, "a handle and a menu per person");
        assertFalse((Boolean) lea.js("return document.getElementById('backchannel-panel').open"), "the notes are folded");

        // A person's actions fold out of their menu; choosing one closes it.
        lea.click("#seat-list li[data-key='m05'] .menu-btn");
        lea.click("#seat-list li[data-key='m05'] .seat-hand");
        lea.await(d -> lea.findAll("#queue-list > li[data-key='m05']").isEmpty(), "m05's hand lowered");
        lea.awaitHidden("#seat-list li[data-key='m05'] .seat-hand");
    }

    @Test
    void whileSomeoneSpeaksTheMainButtonEndsTheirTurn_andNobodyUnconnectedIsOfferedTheFloorByDefault() throws Exception {
        RoomId room = twelvePersonRoom();
        openConsoleAt1280x800(room);
        RoomClient m01 = panel(room, "m01", Role.MEMBER);
        RoomClient m03 = panel(room, "m03", Role.MEMBER);
        m01.ack(m01.send("raiseHand"));
        lea.click("#give-next-btn");
        lea.awaitText("#floor-name", "Member 01");

        // m02 has never opened the panel; a leader raised a hand for them. m03 raises their own.
        lea.click("#seat-list li[data-key='m02'] .menu-btn");
        lea.click("#seat-list li[data-key='m02'] .seat-hand");
        m03.ack(m03.send("raiseHand"));
        lea.awaitShown("#queue-list li[data-key='m03']");
        assertEquals("End turn", lea.text("#end-turn-btn"));
        assertFalse(lea.isShown("#give-next-btn"), "no button hands the floor on over the speaker");

        lea.click("#end-turn-btn");
        lea.awaitText("#floor-name", "Nobody");
        assertEquals("Give the floor to Member 03", lea.text("#give-next-btn"));
        assertTrue(lea.text("#floor-hint").contains("Member 02"), lea.text("#floor-hint"));
        assertTrue(lea.find("#queue-list li[data-key='m02']").getDomAttribute("class").contains("is-unreachable"));
        assertTrue(lea.text("#queue-list li[data-key='m02'] .queue-meta").contains("Not connected yet"));
        lea.click("#give-next-btn");
        lea.awaitText("#floor-name", "Member 03");
        assertEquals(List.of("m02"), keys("#queue-list > li"), "m02 keeps the hand for when they can hear it");
    }

    @Test
    void aJumpFromTheOpeningStraightToTheClosingIsSetApartAndAskedTwice() throws Exception {
        RoomId room = twelvePersonRoom();
        openConsoleAt1280x800(room);
        String jump = "#phase-next [data-phase='CLOSING']";
        assertTrue(lea.find(jump).getDomAttribute("class").contains("btn-jump"));
        assertTrue(lea.find("#phase-next [data-phase='WHO_HAS_A_CASE']").getDomAttribute("class").contains("btn-primary"));
        lea.click(jump);
        lea.awaitText(jump, "Confirm");
        assertEquals(Phase.OPENING, server.state(room).phase().phase(), "one click does not jump");
        lea.click(jump);
        lea.awaitText("#phase-title", "Closing");

        // One step back is the server's to say: after a reload, with no memory of where we came from.
        lea.open(server.linkAs(room, "lea", Role.LEADER));
        lea.awaitConnected();
        assertEquals(List.of("OPENING", "WHO_HAS_A_CASE"), lea.findAll("#phase-back button").stream()
                .map(b -> b.getDomAttribute("data-phase")).toList());
        lea.click("#phase-back [data-phase='OPENING']");
        lea.awaitText("#phase-title", "Opening");
    }

    @Test
    void theNotesBetweenLeadersStayFoldedUntilOpenedOrANoteArrives() throws Exception {
        RoomId room = twelvePersonRoom();
        openConsoleAt1280x800(room);
        assertFalse(lea.isShown("#backchannel-text"));
        RoomClient hugo = panel(room, "hugo", Role.CO_LEADER);
        hugo.send("backchannel", "text", "Member 04 seems upset");
        lea.awaitShown("#backchannel-list li[data-from='hugo']");
        assertTrue(lea.isShown("#backchannel-text"), "a note unfolds the notes");
        assertEquals("1 note", lea.text("#backchannel-summary-count"));
    }

    @Test
    void onAPhoneALongNameDoesNotMakeTheConsoleScrollSideways() throws Exception {
        var roster = new ArrayList<>(roster());
        roster.add(Participant.onRoster(MemberId.of("long"), "Marie-Bernadette de La Rochefoucauld-Montmorency", Role.MEMBER));
        RoomId room = server.openRoom("console-long-" + ROOMS.incrementAndGet(), PhaseTemplate.OPEN, roster, "Groupe du mardi");
        lea.resize(390, 844);
        lea.open(server.linkAs(room, "lea", Role.LEADER));
        lea.awaitConnected();
        RoomClient hugo = panel(room, "hugo", Role.CO_LEADER);
        hugo.ack(hugo.send("raiseHandFor", "member", "long"));
        lea.awaitShown("#queue-list li[data-key='long']");
        lea.click("#seat-list li[data-key='long'] .menu-btn");
        assertEquals(List.of(), MeetingBrowserTest.layoutProblems(lea).stream()
                .filter(p -> p.contains("sideways") || p.contains("sticks out")).toList());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Two leaders and ten members: Léa leads, Hugo co-leads. */
    private static List<Participant> roster() {
        var people = new ArrayList<Participant>();
        people.add(Participant.onRoster(MemberId.of("lea"), "Léa Martin", Role.LEADER));
        for (String m : MEMBERS) people.add(Participant.onRoster(MemberId.of(m), "Member " + m.substring(1), Role.MEMBER));
        people.add(Participant.onRoster(MemberId.of("hugo"), "Hugo Bernard", Role.CO_LEADER));
        return people;
    }

    private static RoomId twelvePersonRoom() {
        return server.openRoom("console-" + ROOMS.incrementAndGet(), PhaseTemplate.OPEN, roster(), "Groupe du mardi");
    }

    /** The window is sized so that the page itself (not the window frame) is 1280 x 800. */
    private static void openConsoleAt1280x800(RoomId room) {
        lea.open(server.linkAs(room, "lea", Role.LEADER));
        lea.awaitConnected();
        long chrome = ((Number) lea.js("return window.outerHeight - window.innerHeight")).longValue();
        lea.resize(1280, (int) (800 + chrome));
        lea.await(d -> ((Number) lea.js("return window.innerHeight")).longValue() == 800, "an 800 px high page");
    }

    private RoomClient panel(RoomId room, String member, Role role) throws Exception {
        RoomClient c = server.scriptedPanel(sockets, room, member, role);
        panels.add(c);
        return c;
    }

    private static boolean inFirstScreen(String css) {
        return (Boolean) lea.js("""
                const e = document.querySelector(arguments[0]);
                if (!e || e.getClientRects().length === 0) return false;
                const r = e.getBoundingClientRect();
                return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;""", css);
    }

    private static List<String> keys(String css) {
        return lea.findAll(css).stream().map(e -> e.getDomAttribute("data-key")).toList();
    }
}
