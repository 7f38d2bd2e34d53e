package org.balintcompanion.zoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one operation against Zoom: rate budget, retries on 429, 5xx and I/O errors, and the mapping of every
 * unhappy answer to a {@link ZoomFailure}. A request that is not idempotent is repeated only when Zoom certainly
 * did nothing with it (429, or a failure before it was sent).
 */
final class ZoomCaller {

    private static final Logger log = LoggerFactory.getLogger(ZoomCaller.class);

    private final RateBudget budget;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator jitter;
    private final ObjectMapper json;

    ZoomCaller(RateBudget budget, RetryPolicy retry, Clock clock, Sleeper sleeper, RandomGenerator jitter,
               ObjectMapper json) {
        this.budget = budget;
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.json = json;
    }

    /** The body of Zoom's 2xx answer (null for 204); {@code newCall} makes a fresh call for every attempt. */
    <T> T call(Operation operation, Supplier<Call<T>> newCall) {
        for (int attempt = 1; ; attempt++) {
            pause(operation, () -> budget.acquire(operation.category()));
            Response<T> response;
            try {
                response = newCall.get().execute();
            } catch (CredentialsRejectedException e) {
                throw new ZoomFailure.AuthFailed(e.getMessage());
            } catch (JsonProcessingException e) {
                // Zoom answered 2xx but the body could not be read; its text may hold a start_url, so it is not quoted.
                if (operation.idempotent()) {
                    throw new ZoomFailure.Unavailable(operation.description(), "Zoom's answer could not be read");
                }
                throw new ZoomFailure.OutcomeUnknown(operation.description(), "Zoom's answer could not be read");
            } catch (IOException e) {
                Duration wait = afterIoFailure(operation, e, attempt);
                log.debug("Zoom: {} failed with {}; retrying in {} ms (attempt {}/{})", operation.description(),
                        e.getClass().getSimpleName(), wait.toMillis(), attempt, retry.maxAttempts());
                pause(operation, () -> sleeper.sleep(wait));
                continue;
            }
            if (response.isSuccessful()) {
                return response.body();
            }
            Duration wait = afterErrorAnswer(operation, response, attempt);
            log.debug("Zoom: {} answered HTTP {}; retrying in {} ms (attempt {}/{})", operation.description(),
                    response.code(), wait.toMillis(), attempt, retry.maxAttempts());
            pause(operation, () -> sleeper.sleep(wait));
        }
    }

    private Duration afterIoFailure(Operation operation, IOException e, int attempt) {
        boolean repeatable = operation.idempotent() || neverSent(e);
        if (!repeatable) {
            throw new ZoomFailure.OutcomeUnknown(operation.description(),
                    "the connection failed after the request was sent: " + e.getClass().getSimpleName());
        }
        if (attempt >= retry.maxAttempts()) {
            throw new ZoomFailure.Unavailable(operation.description(), attempt + " attempts, the last one failed: "
                    + (e instanceof RequestNotSentException ? e.getMessage() : e.getClass().getSimpleName()));
        }
        return retry.backoff(attempt, jitter);
    }

    private Duration afterErrorAnswer(Operation operation, Response<?> response, int attempt) {
        int status = response.code();
        ZoomErrorBody error = ZoomErrorBody.read(response.errorBody(), json);
        if (status == 429) {
            RateLimitNotice notice = RateLimitNotice.from(response.headers(), error.message(), clock.instant());
            if (notice.daily()) {
                throw new ZoomFailure.DailyLimitReached(operation.description(), notice.resetsAt());
            }
            Duration wait = notice.retryAfter().orElseGet(() -> retry.backoff(attempt, jitter));
            if (wait.compareTo(retry.longestRetryAfter()) > 0 || attempt >= retry.maxAttempts()) {
                throw new ZoomFailure.RateLimited(operation.description(), notice.retryAfter());
            }
            return wait;
        }
        if (status >= 500) {
            if (!operation.idempotent()) {
                throw new ZoomFailure.OutcomeUnknown(operation.description(), "Zoom answered HTTP " + status);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new ZoomFailure.Unavailable(operation.description(),
                        attempt + " attempts, the last one answered HTTP " + status);
            }
            Optional<Duration> asked = RateLimitNotice.retryAt(response.headers().get("Retry-After"), clock.instant())
                    .map(t -> Duration.between(clock.instant(), t));
            return asked.filter(d -> !d.isNegative() && d.compareTo(retry.longestRetryAfter()) <= 0)
                    .orElseGet(() -> retry.backoff(attempt, jitter));
        }
        if (status == 401) {
            throw new ZoomFailure.AuthFailed("a freshly issued access token was refused too (HTTP 401"
                    + error.code().map(c -> ", Zoom code " + c).orElse("") + "). Check the app's scopes.");
        }
        if (status == 404) {
            throw new ZoomFailure.NotFound(operation.description(), error.code(), error.message());
        }
        throw new ZoomFailure.Refused(operation.description(), status, error.code(), error.message(),
                error.fieldErrors());
    }

    /** The connection was never made, so nothing reached Zoom. */
    private static boolean neverSent(IOException e) {
        return e instanceof RequestNotSentException || e instanceof ConnectException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    }

    private static void pause(Operation operation, Wait wait) {
        try {
            wait.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoomFailure.Unavailable(operation.description(), "interrupted while waiting");
        }
    }

    @FunctionalInterface
    private interface Wait {
        void run() throws InterruptedException;
    }
}
