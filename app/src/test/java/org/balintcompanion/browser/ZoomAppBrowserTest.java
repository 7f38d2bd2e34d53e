package org.balintcompanion.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.ZoomParticipantId;
import org.balintcompanion.support.RoomClient;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pages inside the Zoom client, against a fake Zoom Apps SDK that keeps the real one's names, shapes and role
 * rules (test resource browser/zoom-sdk-fake.js): the host is Léa's console, Bastien an attendee with the member panel.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ZoomAppBrowserTest {
    private static TestServer server;
    private static Browser lea;
    private static Browser bastien;
    private static WebSocketClient sockets;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        lea = Browser.start("lea", 1280, 800, "en-US,en");
        bastien = Browser.start("bastien", 390, 844, "en-US,en");
        inZoom(lea, "uuid-lea", "Léa Martin", "host");
        inZoom(bastien, "uuid-bastien", "Bastien Leroy", "attendee");
        sockets = new WebSocketClient();
        sockets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (lea != null) lea.close();
        if (bastien != null) bastien.close();
        if (sockets != null) sockets.stop();
        if (server != null) server.close();
    }

    @AfterEach
    void nothingWasRefusedAndNothingWentWrong() {
        for (Browser b : List.of(lea, bastien)) {
            assertEquals(List.of(), b.js("return window.__zoomFake ? window.__zoomFake.refused : []"),
                    b.who + "'s app called an API Zoom refuses for its role or did not ask for");
            assertEquals(List.of(), b.severeLogs(), b.who + "'s browser logged errors");
        }
    }

    /** The fake SDK is in every page this browser opens from now on, before the page's own scripts run. */
    private static void inZoom(Browser b, String participantUUID, String screenName, String role) throws IOException {
        String user = new ObjectMapper().writeValueAsString(Map.of("participantUUID", participantUUID, "screenName", screenName, "role", role));
        String source = "window.__zoomFakeUser = " + user + ";\n" + fakeSdk();
        b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    private static String fakeSdk() throws IOException {
        try (InputStream in = ZoomAppBrowserTest.class.getResourceAsStream("/browser/zoom-sdk-fake.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void openBoth(RoomId room) {
        lea.open(server.linkAs(room, "lea", Role.LEADER));
        lea.awaitConnected();
        bastien.open(server.link(room, "bastien"));
        bastien.awaitConnected();
        // Bastien's app told the room which Zoom tile is his.
        lea.await(d -> ZoomParticipantId.of("uuid-bastien").equals(
                server.state(room).participant(MemberId.of("bastien")).zoomParticipant()), "Bastien's tile bound");
    }

    private static void zoomSays(Browser b, String event, String participantUUID, String feedback) {
        b.js("window.__zoomFake.emit(arguments[0], arguments[2] ? {participantUUID: arguments[1], timestamp: 1764640000, feedback: arguments[2]}"
                + " : {participantUUID: arguments[1], timestamp: 1764640000})", event, participantUUID, feedback);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> callsTo(Browser b, String api) {
        return (List<Object>) b.js("return window.__zoomFake.callsTo(arguments[0])", api);
    }

    private static List<String> queueShown() {
        return lea.findAll("#queue-list > li").stream().map(li -> li.getDomAttribute("data-key")).toList();
    }

    @Test
    void aHandRaisedInZoomJoinsTheFairQueueAndTheSpeakerIsSpotlightedWhenTheLeaderGivesTheFloor() throws Exception {
        RoomId room = server.openRoom("zoom-hands", PhaseTemplate.OPEN);
        RoomClient hugo = server.scriptedPanel(sockets, room, "hugo", Role.CO_LEADER);
        RoomClient camille = server.scriptedPanel(sockets, room, "camille", Role.MEMBER);
        camille.ack(camille.send("raiseHand"));
        hugo.ack(hugo.send("giveFloor", "member", "camille"));
        camille.ack(camille.send("endTurn"));
        camille.ack(camille.send("raiseHand"));
        openBoth(room);

        zoomSays(bastien, "onFeedbackReaction", "uuid-bastien", "raiseHand");
        lea.await(d -> queueShown().equals(List.of("bastien", "camille")),
                "Bastien (no turn yet) ahead of Camille (one turn) in the console's queue");

        lea.click("#zoom-spotlight input");
        lea.awaitText("#give-next-btn", "Bastien");
        lea.click("#give-next-btn");
        lea.awaitText("#floor-name", "Bastien Leroy");
        lea.await(d -> callsTo(lea, "addParticipantSpotlight").equals(List.of(List.of(Map.of("participantUUID", "uuid-bastien")))),
                "the host's app spotlights Bastien's tile");
        bastien.await(d -> callsTo(bastien, "removeFeedbackReaction").size() == 1, "Bastien's Zoom hand comes down with the floor");

        hugo.ack(hugo.send("endTurn"));
        lea.await(d -> callsTo(lea, "removeParticipantSpotlights").equals(List.of(List.of(Map.of("participantUUIDs", List.of("uuid-bastien"))))),
                "the spotlight ends with the turn");
        hugo.close();
        camille.close();
    }

    @Test
    void loweringTheHandInZoomTakesItOutOfTheQueueAndAHandRaisedInThePanelGoesUpInZoom() throws Exception {
        RoomId room = server.openRoom("zoom-lower", PhaseTemplate.OPEN);
        openBoth(room);

        zoomSays(bastien, "onFeedbackReaction", "uuid-bastien", "raiseHand");
        lea.await(d -> queueShown().equals(List.of("bastien")), "Bastien's Zoom hand in the queue");
        zoomSays(bastien, "onRemoveFeedbackReaction", "uuid-bastien", null);
        lea.await(d -> queueShown().isEmpty(), "Bastien's hand gone from the queue");
        assertEquals(List.of(), callsTo(bastien, "setFeedbackReaction"), "a hand raised in Zoom is not raised again");

        RoomClient own = server.scriptedPanel(sockets, room, "bastien", Role.MEMBER);
        own.ack(own.send("raiseHand"));
        bastien.await(d -> callsTo(bastien, "setFeedbackReaction").equals(List.of(List.of(Map.of("feedback", "raiseHand")))),
                "a hand raised from the companion goes up in Zoom too");
        own.close();
    }

    @Test
    void theHostsConsoleReportsTheZoomHandOfAMemberWhoseTileIsBound() throws Exception {
        RoomId room = server.openRoom("zoom-host", PhaseTemplate.OPEN);
        openBoth(room);

        zoomSays(lea, "onFeedbackReaction", "uuid-bastien", "raiseHand");
        lea.await(d -> queueShown().equals(List.of("bastien")), "Bastien's hand, seen by the host's app, in the queue");
        zoomSays(lea, "onRemoveFeedbackReaction", "uuid-bastien", null);
        lea.await(d -> queueShown().isEmpty(), "Bastien's hand lowered, seen by the host's app");
        zoomSays(lea, "onFeedbackReaction", "uuid-unknown-guest", "raiseHand");
        zoomSays(lea, "onFeedbackReaction", "uuid-bastien", "slowDown");
        // Léa's own hand, reported after those on the same socket: had either queued someone, they would be there too.
        zoomSays(lea, "onFeedbackReaction", "uuid-lea", "raiseHand");
        lea.await(d -> queueShown().contains("lea"), "Léa's own Zoom hand in the queue");
        assertEquals(List.of("lea"), queueShown(), "a tile bound to nobody, or another reaction than a raised hand, queues no one");
    }
}
