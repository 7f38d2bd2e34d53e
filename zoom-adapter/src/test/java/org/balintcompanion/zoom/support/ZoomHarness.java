package org.balintcompanion.zoom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.MockWebServer;
import org.balintcompanion.zoom.ZoomClientOptions;
import org.balintcompanion.zoom.ZoomCredentials;
import org.balintcompanion.zoom.ZoomEndpoints;
import org.balintcompanion.zoom.ZoomMeetingsClient;

/** The real client wired to a {@link FakeZoom} on a MockWebServer, with a manual clock and a recording sleeper. */
public final class ZoomHarness implements AutoCloseable {

    public static final String PASSCODE = "Tp4xKq9wZm";
    public static final ZoomCredentials CREDENTIALS =
            new ZoomCredentials(FakeZoom.ACCOUNT_ID, FakeZoom.CLIENT_ID, FakeZoom.CLIENT_SECRET);

    public final ManualClock clock = new ManualClock(Instant.parse("2030-01-06T09:00:00Z"));
    public final RecordingSleeper sleeper = new RecordingSleeper(clock);
    public final FakeZoom fake = new FakeZoom();
    public final MockWebServer server = new MockWebServer();
    public final ZoomMeetingsClient zoom;

    public ZoomHarness() {
        this(UnaryOperator.identity());
    }

    public ZoomHarness(UnaryOperator<ZoomClientOptions> tweak) {
        server.setDispatcher(fake);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZoomClientOptions options = ZoomClientOptions.defaults()
                .withClock(clock)
                .withSleeper(sleeper)
                .withJitter(new Random(42))
                .withPasscodes(() -> PASSCODE)
                .withCallTimeout(Duration.ofSeconds(5));
        zoom = new ZoomMeetingsClient(endpoints(), CREDENTIALS, tweak.apply(options));
    }

    public ZoomEndpoints endpoints() {
        return new ZoomEndpoints(server.url("/v2").uri(), server.url("/").uri());
    }

    @Override
    public void close() {
        zoom.close();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
