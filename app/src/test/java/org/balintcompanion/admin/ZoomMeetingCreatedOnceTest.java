package org.balintcompanion.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockWebServer;
import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.FakeZoomEnv;
import org.balintcompanion.support.TestServer;
import org.balintcompanion.zoom.support.FakeZoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two leaders clicking "create the Zoom meeting" at the same moment get one Zoom meeting, not two. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZoomMeetingCreatedOnceTest {
    private static final String HOST = "host@society.example";
    private MockWebServer zoomServer;
    private FakeZoom fake;
    private TestServer server;

    @BeforeEach void start() throws Exception {
        fake = new FakeZoom();
        zoomServer = new MockWebServer();
        zoomServer.setDispatcher(fake);
        zoomServer.start();
        server = TestServer.start(FakeZoomEnv.pointingAt(zoomServer, HOST));
        server.app().admin().sessions().ensureFirstAdmin("admin@society.example", "correct horse battery");
    }

    @AfterEach void stop() throws Exception {
        server.close();
        zoomServer.shutdown();
    }

    @Test void twoSimultaneousCreatesMakeOneZoomMeeting() throws Exception {
        var admin = new AdminClient(server);
        admin.signIn("admin@society.example", "correct horse battery");
        String g = admin.post("/api/groups", Map.of("name", "Groupe Zoom")).text("id");
        String meeting = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-03-02T19:30")).text("id");
        fake.delayTokenAnswers(500);   // both requests are in flight before Zoom answers the first

        var pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            var clicks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 2; i++) clicks.add(() -> admin.post("/api/meetings/" + meeting + "/zoom", Map.of()).status());
            for (Future<Integer> f : pool.invokeAll(clicks)) statuses.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        int creates = fake.requests("POST /v2/users/" + HOST + "/meetings").size();
        assertEquals(1, creates, "Zoom was asked " + creates + " times to create the meeting; answers " + statuses);
        assertTrue(statuses.contains(201) && statuses.contains(409), statuses.toString());
        assertTrue(server.app().metrics().scrape().contains("balint_zoom_calls_total{operation=\"create\",outcome=\"ok\"} 1.0"),
                "Zoom calls are counted by outcome");
    }
}
