package org.balintcompanion.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.support.RoomClient;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core, run inside each page in each of its states, in French and in English: no serious or critical violation
 * of WCAG 2.1 A/AA, of axe's best practices, or of "label in name".
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccessibilityBrowserTest {
    private static TestServer server;
    private static Browser lea;     // laptop
    private static Browser amelie;  // phone
    private static WebSocketClient sockets;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        var l = CompletableFuture.supplyAsync(() -> Browser.start("lea", 1280, 800, "fr-FR,fr", Browser.FAKE_MEDIA));
        var a = CompletableFuture.supplyAsync(() -> Browser.start("amelie", 390, 844, "en-US,en"));
        lea = l.get(60, TimeUnit.SECONDS);
        amelie = a.get(60, TimeUnit.SECONDS);
        sockets = new WebSocketClient();
        sockets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Browser b : new Browser[] {lea, amelie}) if (b != null) b.close();
        if (sockets != null) sockets.stop();
        if (server != null) server.close();
    }

    @Test
    void noPageInAnyOfItsStatesHasASeriousOrCriticalAxeViolation() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        RoomId room = server.openRoom("a11y-1", PhaseTemplate.OPEN);

        amelie.open(server.base + "/");
        amelie.awaitShown("h1");
        found.put("landing", amelie.axeViolations());
        amelie.open(server.base + "/join/");
        amelie.awaitShown("#view-terminal");
        found.put("panel without a link", amelie.axeViolations());

        lea.open(server.link(room, "lea"));
        lea.awaitConnected();
        found.put("console at the opening", lea.axeViolations());
        amelie.open(server.link(room, "amelie"));
        amelie.awaitConnected();
        amelie.awaitShown("#view-checklist");
        found.put("member checklist", amelie.axeViolations());
        MeetingBrowserTest.passChecklist(amelie);
        found.put("member panel", amelie.axeViolations());

        RoomClient hugo = server.scriptedPanel(sockets, room, "hugo", Role.CO_LEADER);
        amelie.click("#hand-btn");
        amelie.awaitAttribute("#hand-btn", "data-state", "raised");
        amelie.click("#too-much-btn");
        amelie.awaitAttribute("#too-much-btn", "aria-pressed", "true");
        hugo.ack(hugo.send("raiseHandFor", "member", "bastien"));
        hugo.ack(hugo.send("clearTooMuch", "member", "amelie"));
        amelie.awaitShown("#too-much-seen");
        found.put("member panel, hand raised, signal seen", amelie.axeViolations());
        lea.awaitShown("#queue-list li[data-key='bastien']");
        found.put("console with a queue", lea.axeViolations());
        lea.click("#seat-list li[data-key='amelie'] .menu-btn");
        found.put("console, a person's menu open", lea.axeViolations());
        lea.click("#queue-list li[data-key='bastien'] .menu-btn");
        found.put("console, a hand's menu open", lea.axeViolations());
        lea.click("#phase-next [data-phase='CLOSING']");
        lea.awaitText("#phase-next [data-phase='CLOSING']", "Confirmer");
        lea.click("#backchannel-panel > summary");
        lea.awaitShown("#backchannel-text");
        found.put("console, notes open, closing asked", lea.axeViolations());

        hugo.ack(hugo.send("giveFloor", "member", "amelie"));
        amelie.awaitShown("#floor-cue");
        found.put("member panel with the floor", amelie.axeViolations());
        lea.awaitText("#floor-name", "Amélie Dubois");
        found.put("console while someone speaks", lea.axeViolations());
        hugo.ack(hugo.send("startGoRound"));
        lea.awaitShown("#go-round-list");
        found.put("console in a go-round", lea.axeViolations());
        hugo.close();

        amelie.open(server.link(room, "nadia"));
        amelie.awaitConnected();
        MeetingBrowserTest.passChecklist(amelie);
        amelie.awaitShown("#observer-note");
        found.put("observer panel", amelie.axeViolations());

        lea.open(server.base + "/check/");
        lea.awaitShown("h1");
        lea.await(d -> !lea.findAll("#browser-checks li").isEmpty(), "the browser checks");
        found.put("tech check", lea.axeViolations());
        lea.click("#media-start");
        lea.awaitShown("#camera-result");
        found.put("tech check, camera and microphone on", lea.axeViolations());
        lea.click("#media-stop");
        lea.open(server.base + "/admin/");
        lea.awaitAttribute("body", "data-view", "signin");
        found.put("admin sign-in", lea.axeViolations());

        var problems = new ArrayList<String>();
        found.forEach((state, violations) -> violations.forEach(v -> problems.add(state + " → " + v)));
        assertEquals(List.of(), problems);
    }
}
