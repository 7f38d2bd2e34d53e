package org.balintcompanion.zoom;

import static org.balintcompanion.zoom.support.Plans.BALINT;
import static org.balintcompanion.zoom.support.Plans.HOST;
import static org.balintcompanion.zoom.support.Plans.TUESDAY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.balintcompanion.zoom.support.FakeZoom;
import org.balintcompanion.zoom.support.ZoomHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(10)
class NoSecretsInLogsTest {

    private final ZoomHarness harness = new ZoomHarness();
    private final Logger adapter = (Logger) LoggerFactory.getLogger("org.balintcompanion.zoom");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        adapter.addAppender(captured);
        adapter.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        adapter.detachAppender(captured);
        adapter.setLevel(null);
        harness.close();
    }

    @Test
    void tokensPasscodesAndStartUrlsNeverReachTheLog() {
        harness.fake.script("GET /v2/meetings/" + FakeZoom.EXAMPLE_MEETING_ID,
                FakeZoom.error(429, 429, "slow down"), new MockResponse().setResponseCode(503));
        long id = harness.zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT).id();
        harness.fake.revokeTokens();
        harness.zoom.getMeeting(FakeZoom.EXAMPLE_MEETING_ID);
        harness.zoom.checkDrift(id, HOST, BALINT);
        harness.zoom.deleteMeeting(id);

        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            for (String secret : List.of("token-1", "token-2", ZoomHarness.PASSCODE, "123456", "zak",
                    "start_url", FakeZoom.CLIENT_SECRET, "pwd=")) {
                assertFalse(line.contains(secret), () -> "logged " + secret + ": " + line);
            }
        }
        assertEquals(2, harness.fake.tokenRequests());
    }
}
