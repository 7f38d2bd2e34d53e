package org.balintcompanion.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in as an attacker and as the real administrator would meet it: guesses are slowed per client, nobody can lock
 * anyone else out, parallel guesses get no extra tries, and an unknown e-mail takes as long as a known one. The
 * server trusts 127.0.0.1 as its proxy, so each test client names its address in X-Forwarded-For.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignInThrottleTest {
    private static final String EMAIL = "admin@society.example";
    private static final String PASSWORD = "correct horse battery";
    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;

    @BeforeEach void start() throws Exception {
        server = TestServer.start(Map.of("BALINT_ADMIN_EMAIL", EMAIL, "BALINT_ADMIN_PASSWORD", PASSWORD,
                "BALINT_TRUSTED_PROXIES", "127.0.0.1", "BALINT_PASSWORD_ITERATIONS", "50000"));
        server.app().admin().sessions().ensureFirstAdmin(EMAIL, PASSWORD);
    }

    @AfterEach void stop() throws Exception { server.close(); }

    private int signIn(String email, String password, String from) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(server.http("/api/session").toString()))
                .header("Content-Type", "application/json").header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test void aStrangersWrongPasswordsDoNotLockTheAdministratorOut() throws Exception {
        for (int i = 0; i < 5; i++) assertEquals(401, signIn(EMAIL, "wrong password " + i, "198.51.100.7"));
        assertEquals(429, signIn(EMAIL, PASSWORD, "198.51.100.7"), "the stranger waits");
        assertEquals(200, signIn(EMAIL, PASSWORD, "203.0.113.20"), "the administrator, from elsewhere, does not");
    }

    @Test void oneAddressGuessingManyAccountsIsStoppedToo() throws Exception {
        int refused = 0;
        for (int i = 0; i < 25; i++) if (signIn("someone" + i + "@example.org", "wrong password", "198.51.100.8") == 429) refused++;
        assertEquals(5, refused, "twenty attempts per address, whatever the accounts");
    }

    @Test void parallelGuessesGetNoMoreTriesThanSequentialOnes() throws Exception {
        var pool = Executors.newFixedThreadPool(12);
        try {
            var guesses = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 12; i++) {
                String guess = "wrong password " + i;
                guesses.add(() -> signIn(EMAIL, guess, "198.51.100.9"));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(guesses)) answers.add(f.get());
            assertEquals(5, answers.stream().filter(s -> s == 401).count(), "answers: " + answers);
            assertEquals(7, answers.stream().filter(s -> s == 429).count(), "answers: " + answers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void anUnknownEmailTakesAsLongAsAKnownOne() throws Exception {
        signIn(EMAIL, "warm up", "203.0.113.1");
        signIn("nobody@example.org", "warm up", "203.0.113.2");
        long known = medianNanos(() -> signIn(EMAIL, "wrong password", "203.0.113.3"));
        long unknown = medianNanos(() -> signIn("nobody@example.org", "wrong password", "203.0.113.4"));
        // Without a hash for unknown e-mails the gap is a hundredfold; a loaded machine's noise is far less than half.
        assertTrue(unknown > known / 2, "unknown " + unknown / 1_000_000 + " ms vs known " + known / 1_000_000 + " ms");
    }

    private static long medianNanos(Callable<Integer> attempt) throws Exception {
        long[] t = new long[3];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            assertEquals(401, attempt.call());
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[1];
    }

    @Test void theTokenKeyFileIsReadableByItsOwnerOnly() throws Exception {
        var key = server.app().config().dataDir().resolve("token.key");
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(key));
    }
}
