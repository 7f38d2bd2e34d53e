package org.balintcompanion.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.mockwebserver.MockResponse;
import org.balintcompanion.zoom.support.FakeZoom;
import org.balintcompanion.zoom.support.Plans;
import org.balintcompanion.zoom.support.ZoomHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class AccessTokenTest {

    private static final long MEETING = FakeZoom.EXAMPLE_MEETING_ID;

    private final ZoomHarness harness = new ZoomHarness();
    private final ZoomMeetings zoom = harness.zoom;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theTokenIsFetchedWithTheAccountCredentialsGrantAndReused() {
        zoom.getMeeting(MEETING);
        zoom.getMeeting(MEETING);
        zoom.endMeeting(MEETING);

        assertEquals(1, harness.fake.tokenRequests());
        FakeZoom.Seen token = harness.fake.requests("POST /oauth/token").getFirst();
        String basic = Base64.getEncoder().encodeToString(
                (FakeZoom.CLIENT_ID + ":" + FakeZoom.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, token.authorization());
        assertTrue(token.contentType().startsWith("application/x-www-form-urlencoded"), token.contentType());
        assertEquals("grant_type=account_credentials&account_id=" + FakeZoom.ACCOUNT_ID, token.body());
        assertTrue(harness.fake.apiRequests().stream().allMatch(r -> r.authorization().equals("Bearer token-1")));
    }

    @Test
    void theTokenIsRenewedShortlyBeforeItsHourIsUp() {
        zoom.getMeeting(MEETING);
        harness.clock.advance(Duration.ofSeconds(3600 - 121));
        zoom.getMeeting(MEETING);
        assertEquals(1, harness.fake.tokenRequests());

        harness.clock.advance(Duration.ofSeconds(2));
        zoom.getMeeting(MEETING);

        assertEquals(2, harness.fake.tokenRequests());
        assertEquals("Bearer token-2", harness.fake.apiRequests().getLast().authorization());
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheCallRepeatedOnce() {
        zoom.getMeeting(MEETING);
        harness.fake.revokeTokens();

        ZoomMeeting meeting = zoom.getMeeting(MEETING);

        assertEquals(MEETING, meeting.id());
        assertEquals(2, harness.fake.tokenRequests());
        List<FakeZoom.Seen> gets = harness.fake.requests("GET /v2/meetings/97763643886");
        assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"),
                gets.stream().map(FakeZoom.Seen::authorization).toList());
    }

    @Test
    void concurrentRejectionsShareOneNewToken() throws Exception {
        zoom.getMeeting(MEETING);
        harness.fake.revokeTokens();
        // Slow enough that every caller's 401 arrives while the one refresh is still in flight.
        harness.fake.delayTokenAnswers(300);
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ZoomMeeting>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return zoom.getMeeting(MEETING);
                }));
            }
            start.countDown();
            for (Future<ZoomMeeting> result : results) {
                assertEquals(MEETING, result.get().id());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(2, harness.fake.tokenRequests(), "the first token and exactly one replacement");
        long withNewToken = harness.fake.apiRequests().stream()
                .filter(r -> "Bearer token-2".equals(r.authorization())).count();
        assertEquals(callers, withNewToken);
    }

    @Test
    void aTokenRefusedAgainAfterRenewalBecomesAuthFailed() {
        harness.fake.refuseEveryToken();

        ZoomFailure.AuthFailed failure = assertThrows(ZoomFailure.AuthFailed.class, () -> zoom.getMeeting(MEETING));

        assertTrue(failure.getMessage().contains("scopes"), failure.getMessage());
        assertEquals(2, harness.fake.tokenRequests());
        assertEquals(2, harness.fake.apiRequests().size());
    }

    @Test
    void wrongCredentialsBecomeAuthFailedWithoutRetryingOrCallingTheApi() {
        ZoomCredentials wrong = new ZoomCredentials(FakeZoom.ACCOUNT_ID, FakeZoom.CLIENT_ID, "not-the-secret");
        try (var client = new ZoomMeetingsClient(harness.endpoints(), wrong, ZoomClientOptions.defaults()
                .withClock(harness.clock).withSleeper(harness.sleeper))) {

            ZoomFailure.AuthFailed failure = assertThrows(ZoomFailure.AuthFailed.class,
                    () -> client.createSecureMeeting(Plans.HOST, Plans.TUESDAY_GROUP, Plans.BALINT));

            assertTrue(failure.getMessage().contains("Invalid client_id or client_secret"), failure.getMessage());
            assertFalse(failure.getMessage().contains("not-the-secret"), failure.getMessage());
        }
        assertEquals(1, harness.fake.tokenRequests());
        assertEquals(List.of(), harness.fake.apiRequests());
    }

    @Test
    void anOutageOfTheTokenEndpointIsRetriedEvenForACreate() {
        harness.fake.script("POST /oauth/token", new MockResponse().setResponseCode(503));

        zoom.createSecureMeeting(Plans.HOST, Plans.TUESDAY_GROUP, Plans.BALINT);

        assertEquals(2, harness.fake.tokenRequests());
        assertEquals(1, harness.fake.requests("POST /v2/users/leader@example.org/meetings").size());
        assertEquals(1, harness.sleeper.waits().size());
    }
}
