package org.balintcompanion.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-to-Server OAuth access tokens: fetched with the account credentials grant, cached until shortly before they
 * expire, and replaced once when Zoom rejects one. Concurrent callers share one fetch: the first installs a future
 * and does the request, the others wait on it, so no lock is held during I/O.
 */
final class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
    /** Tokens live 3600 s; renewing two minutes early keeps a slow call from carrying an expired one. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);

    private final OkHttpClient http;
    private final ZoomEndpoints endpoints;
    private final ZoomCredentials credentials;
    private final Clock clock;
    private final ObjectMapper json;
    private final AtomicReference<CompletableFuture<AccessToken>> current = new AtomicReference<>();

    AccessTokens(OkHttpClient http, ZoomEndpoints endpoints, ZoomCredentials credentials, Clock clock,
                 ObjectMapper json) {
        this.http = http;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.clock = clock;
        this.json = json;
    }

    /** A token valid for at least a little while. */
    String token() throws IOException {
        while (true) {
            CompletableFuture<AccessToken> shared = current.get();
            if (shared != null && !shared.isDone()) {
                return await(shared).value();
            }
            if (shared != null && !shared.isCompletedExceptionally() && shared.join().usableAt(clock.instant())) {
                return shared.join().value();
            }
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            if (current.compareAndSet(shared, mine)) {
                return fetchInto(mine).value();
            }
        }
    }

    /**
     * A token other than {@code rejected}, which Zoom just answered 401 to. If another caller already replaced it,
     * or is replacing it, that token is used: however many calls fail together, one new token is fetched.
     */
    String replace(String rejected) throws IOException {
        while (true) {
            CompletableFuture<AccessToken> shared = current.get();
            if (shared != null && !shared.isDone()) {
                return await(shared).value();
            }
            if (shared != null && !shared.isCompletedExceptionally()) {
                AccessToken token = shared.join();
                if (!token.value().equals(rejected) && token.usableAt(clock.instant())) {
                    return token.value();
                }
            }
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            if (current.compareAndSet(shared, mine)) {
                log.debug("Zoom rejected the access token; fetching a new one");
                return fetchInto(mine).value();
            }
        }
    }

    private AccessToken fetchInto(CompletableFuture<AccessToken> future) throws IOException {
        try {
            AccessToken token = fetch();
            future.complete(token);
            return token;
        } catch (IOException | RuntimeException e) {
            future.completeExceptionally(e);
            throw e;
        }
    }

    private AccessToken fetch() throws IOException {
        Request request = new Request.Builder()
                .url(endpoints.tokenUri().toString())
                .header("Authorization", Credentials.basic(credentials.clientId(), credentials.clientSecret()))
                .post(new FormBody.Builder()
                        .add("grant_type", "account_credentials")
                        .add("account_id", credentials.accountId())
                        .build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.code() == 400 || response.code() == 401 || response.code() == 403) {
                throw new CredentialsRejectedException("the token request was refused (HTTP " + response.code()
                        + reason(text) + "). Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and that the "
                        + "app is a Server-to-Server OAuth app and is activated.");
            }
            if (!response.isSuccessful()) {
                throw new RequestNotSentException("Zoom's token endpoint answered HTTP " + response.code());
            }
            JsonNode answer = json.readTree(text);
            String value = answer.path("access_token").asText("");
            if (value.isBlank()) {
                throw new RequestNotSentException("Zoom's token endpoint answered without an access_token");
            }
            long lifetime = answer.path("expires_in").asLong(3600);
            log.debug("Fetched a Zoom access token valid for {} s", lifetime);
            return new AccessToken(value, clock.instant().plusSeconds(lifetime));
        } catch (CredentialsRejectedException | RequestNotSentException e) {
            throw e;
        } catch (IOException e) {
            // Never e.getMessage() of a parse error: it may quote the token.
            throw new RequestNotSentException("could not get an access token from Zoom ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Zoom's OAuth errors carry "reason" and "error" fields; neither holds a secret. */
    private String reason(String body) {
        try {
            JsonNode error = json.readTree(body);
            String reason = error.path("reason").asText(error.path("error").asText(""));
            return reason.isBlank() ? "" : ": " + reason;
        } catch (IOException e) {
            return "";
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> shared) throws IOException {
        try {
            return shared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a Zoom access token");
        } catch (ExecutionException e) {
            // Each waiter gets its own exception, with the fetcher's as cause.
            if (e.getCause() instanceof CredentialsRejectedException rejected) {
                throw new CredentialsRejectedException(rejected.getMessage());
            }
            throw new RequestNotSentException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    /** {@link #toString()} hides the value. */
    record AccessToken(String value, Instant expiresAt) {
        boolean usableAt(Instant now) {
            return now.isBefore(expiresAt.minus(RENEW_BEFORE_EXPIRY));
        }

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}
