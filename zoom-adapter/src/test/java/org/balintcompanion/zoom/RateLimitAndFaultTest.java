package org.balintcompanion.zoom;

import static org.balintcompanion.zoom.support.Plans.BALINT;
import static org.balintcompanion.zoom.support.Plans.HOST;
import static org.balintcompanion.zoom.support.Plans.TUESDAY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.balintcompanion.zoom.support.FakeZoom;
import org.balintcompanion.zoom.support.ZoomHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class RateLimitAndFaultTest {

    private static final long MEETING = FakeZoom.EXAMPLE_MEETING_ID;
    private static final String GET = "GET /v2/meetings/97763643886";
    private static final String CREATE = "POST /v2/users/leader@example.org/meetings";

    private final ZoomHarness harness = new ZoomHarness();
    private final ZoomMeetings zoom = harness.zoom;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void tooManyRequestsWithRetryAfterSecondsWaitsExactlyThatLong() {
        harness.fake.script(GET, tooMany().setHeader("Retry-After", "3").setHeader("X-RateLimit-Type", "QPS")
                .setHeader("X-RateLimit-Category", "Light").setHeader("X-RateLimit-Remaining", "0"));

        zoom.getMeeting(MEETING);

        assertEquals(List.of(Duration.ofSeconds(3)), harness.sleeper.waits());
        assertEquals(2, harness.fake.requests(GET).size());
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(harness.clock.instant().plusSeconds(10).atOffset(ZoneOffset.UTC));
        harness.fake.script(GET, tooMany().setHeader("Retry-After", inTenSeconds));

        zoom.getMeeting(MEETING);

        assertEquals(List.of(Duration.ofSeconds(10)), harness.sleeper.waits());
    }

    @Test
    void retryAfterAsAnIsoTimeIsHonoured() {
        harness.fake.script(GET, tooMany().setHeader("Retry-After", "2030-01-06T09:00:07Z"));

        zoom.getMeeting(MEETING);

        assertEquals(List.of(Duration.ofSeconds(7)), harness.sleeper.waits());
    }

    @Test
    void tooManyRequestsWithoutHeadersBacksOffWithJitterBelowAGrowingCeiling() {
        harness.fake.script(GET, tooMany(), tooMany(), tooMany());

        zoom.getMeeting(MEETING);

        List<Duration> waits = harness.sleeper.waits();
        assertEquals(3, waits.size());
        List<Duration> ceilings = List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
        for (int i = 0; i < waits.size(); i++) {
            assertTrue(!waits.get(i).isNegative() && waits.get(i).compareTo(ceilings.get(i)) <= 0, waits.toString());
        }
        assertEquals(4, harness.fake.requests(GET).size());
    }

    @Test
    void theDailyCreateLimitIsAClearErrorAndIsNotRetried() {
        harness.fake.script(CREATE, tooMany().setHeader("X-RateLimit-Type", "Daily-limit")
                .setHeader("Retry-After", "2030-01-07T00:00:00Z"));

        ZoomFailure.DailyLimitReached failure = assertThrows(ZoomFailure.DailyLimitReached.class,
                () -> zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT));

        assertEquals(Instant.parse("2030-01-07T00:00:00Z"), failure.resetsAt());
        assertTrue(failure.getMessage().startsWith("Zoom's daily limit of meeting creates and updates for this host "
                + "is used up"), failure.getMessage());
        assertEquals(1, harness.fake.requests(CREATE).size());
        assertEquals(List.of(), harness.sleeper.waits());
    }

    @Test
    void aDailyLimitWithoutHeadersIsRecognisedFromZoomsMessageAndResetsAtMidnightUtc() {
        harness.fake.script(CREATE, FakeZoom.error(429, 429,
                "You have reached the maximum daily rate limit for this API."));

        ZoomFailure.DailyLimitReached failure = assertThrows(ZoomFailure.DailyLimitReached.class,
                () -> zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT));

        assertEquals(Instant.parse("2030-01-07T00:00:00Z"), failure.resetsAt());
    }

    @Test
    void aRetryAfterLongerThanTheAdapterWillHoldFailsFastAsRateLimited() {
        harness.fake.script(GET, tooMany().setHeader("Retry-After", "600"));

        ZoomFailure.RateLimited failure = assertThrows(ZoomFailure.RateLimited.class, () -> zoom.getMeeting(MEETING));

        assertEquals(Optional.of(Duration.ofMinutes(10)), failure.retryAfter());
        assertTrue(failure.getMessage().endsWith("try again in 10 minutes."), failure.getMessage());
        assertEquals(List.of(), harness.sleeper.waits());
    }

    @Test
    void tooManyRequestsBeyondTheRetryBudgetBecomesRateLimited() {
        harness.fake.script(GET, tooMany(), tooMany(), tooMany(), tooMany());

        assertThrows(ZoomFailure.RateLimited.class, () -> zoom.getMeeting(MEETING));

        assertEquals(4, harness.fake.requests(GET).size());
    }

    @Test
    void serverErrorsBeforeSuccessAreRetriedForReads() {
        harness.fake.script(GET, new MockResponse().setResponseCode(500), new MockResponse().setResponseCode(503));

        assertEquals(MEETING, zoom.getMeeting(MEETING).id());

        assertEquals(3, harness.fake.requests(GET).size());
    }

    @Test
    void persistentServerErrorsBecomeUnavailableAfterTheRetryBudget() {
        for (int i = 0; i < 4; i++) {
            harness.fake.script(GET, new MockResponse().setResponseCode(503));
        }

        ZoomFailure.Unavailable failure = assertThrows(ZoomFailure.Unavailable.class, () -> zoom.getMeeting(MEETING));

        assertEquals("Zoom is unavailable, so it could not read meeting 97763643886 (4 attempts, the last one "
                + "answered HTTP 503).", failure.getMessage());
        assertEquals(4, harness.fake.requests(GET).size());
    }

    @Test
    void aCreateIsNotRepeatedAfterAServerError() {
        harness.fake.script(CREATE, new MockResponse().setResponseCode(502));

        ZoomFailure.OutcomeUnknown failure = assertThrows(ZoomFailure.OutcomeUnknown.class,
                () -> zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT));

        assertTrue(failure.getMessage().contains("Check in Zoom before trying again"), failure.getMessage());
        assertEquals(1, harness.fake.requests(CREATE).size());
    }

    @Test
    void aCreateIsNotRepeatedWhenTheConnectionDropsAfterSending() {
        harness.fake.script(CREATE, new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        assertThrows(ZoomFailure.OutcomeUnknown.class, () -> zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT));

        assertEquals(1, harness.fake.requests(CREATE).size());
    }

    @Test
    void aCreateIsRepeatedAfterTooManyRequestsBecauseZoomDidNothing() {
        harness.fake.script(CREATE, tooMany());

        zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT);

        assertEquals(2, harness.fake.requests(CREATE).size());
        assertEquals(2, harness.fake.meetingCount(), "the spec's example and exactly one new meeting");
    }

    @Test
    void aReadIsRepeatedWhenTheConnectionDropsMidAnswer() {
        harness.fake.script(GET, new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
                new MockResponse().setBody("{\"id\": 97763643886, \"topic\": \"My Meeting\", \"start_time\": ")
                        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertEquals(MEETING, zoom.getMeeting(MEETING).id());

        assertEquals(3, harness.fake.requests(GET).size());
    }

    @Test
    void everyOperationCompletesDespite429And5xxAndNoneRunsTwice() {
        long created = zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT).id();
        harness.fake.setUserSettings("""
                {"chat": false, "private_chat": false, "screen_sharing": true, "who_can_share_screen": "host"}""");
        String meeting = "/v2/meetings/" + created;
        // Unsafe writes see a 429 only; idempotent ones also a 5xx.
        harness.fake.script(CREATE, tooMany());
        harness.fake.script("POST " + meeting + "/registrants", tooMany());
        for (String route : List.of("GET " + meeting, "PATCH " + meeting, "PUT " + meeting + "/status",
                "GET " + meeting + "/registrants", "GET /v2/users/leader@example.org/settings", "DELETE " + meeting)) {
            harness.fake.script(route, tooMany(), new MockResponse().setResponseCode(503));
        }

        long second = zoom.createSecureMeeting(HOST, TUESDAY_GROUP, BALINT).id();
        zoom.getMeeting(created);
        zoom.updateMeeting(created, MeetingUpdate.NONE.withTopic("Renamed"));
        zoom.endMeeting(created);
        zoom.addRegistrant(created, new Registrant("anna@example.org", "Anna", "Berg"));
        zoom.listRegistrants(created);
        List<Drift> drift = zoom.checkDrift(created, HOST, BALINT);
        zoom.deleteMeeting(created);

        assertEquals(List.of(), drift);
        assertEquals(3, harness.fake.requests(CREATE).size(), "first create, then a 429 and the retry");
        assertEquals(2, harness.fake.requests("POST " + meeting + "/registrants").size());
        assertEquals(1, harness.fake.registrantCount());
        assertEquals(3, harness.fake.requests("PATCH " + meeting).size());
        assertEquals(3, harness.fake.requests("PUT " + meeting + "/status").size());
        assertEquals(3, harness.fake.requests("DELETE " + meeting).size());
        assertEquals(3, harness.fake.requests("GET /v2/users/leader@example.org/settings").size());
        // Two pages, the first one after a 429 and a 503.
        assertEquals(4, harness.fake.requests("GET " + meeting + "/registrants").size());
        // getMeeting, then checkDrift's read: the scripted faults hit the first.
        assertEquals(4, harness.fake.requests("GET " + meeting).size());
        assertTrue(harness.fake.hasMeeting(second));
        assertEquals(2, harness.fake.meetingCount(), "the example and the second meeting; the first was deleted");
    }

    @Test
    void theRateBudgetKeepsTheAdapterUnderItsPerSecondLimit() {
        try (var slow = new ZoomHarness(options -> options.withRateLimits(new RateLimits(2, 1, 1)))) {
            for (int i = 0; i < 4; i++) {
                slow.zoom.getMeeting(MEETING);
            }

            assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), slow.sleeper.waits());
        }
    }

    private static MockResponse tooMany() {
        return FakeZoom.error(429, 429, "You have reached the maximum per-second rate limit for this API.");
    }
}
