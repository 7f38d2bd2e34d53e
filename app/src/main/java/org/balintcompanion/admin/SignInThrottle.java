package org.balintcompanion.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without letting a stranger lock anyone out. Attempts are counted per e-mail and client
 * address together (five, then that address waits 15 minutes for that account), and per client address over all
 * accounts (twenty); an e-mail alone is never locked, so someone guessing from elsewhere cannot keep its owner out.
 * An attempt is counted when it starts, atomically, so parallel guesses cannot all slip in before the first failure
 * is recorded; a successful sign-in gives its attempt back.
 */
final class SignInThrottle {
    static final int PER_ACCOUNT_AND_ADDRESS = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int FORGET_PAST = 50_000;

    private record Attempts(int count, Instant first) {}

    /** The keys an attempt was counted under, to give back when it succeeds. */
    record Ticket(String pair, String address) {}

    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) { this.clock = clock; }

    /** Counts the attempt, or refuses it (429) when its address used up its attempts for this account or for all. */
    Ticket begin(String email, String clientAddress) {
        Instant now = clock.instant();
        if (attempts.size() > FORGET_PAST) attempts.values().removeIf(a -> expired(a, now));
        var ticket = new Ticket(email + "\u0000" + clientAddress, "address\u0000" + clientAddress);
        if (!take(ticket.address(), PER_ADDRESS, now)) throw tooMany();
        if (!take(ticket.pair(), PER_ACCOUNT_AND_ADDRESS, now)) {
            giveBack(ticket.address());
            throw tooMany();
        }
        return ticket;
    }

    /** The password was right: this account's count from this address starts again, and the attempt is returned. */
    void succeeded(Ticket t) {
        attempts.remove(t.pair());
        giveBack(t.address());
    }

    private boolean take(String key, int limit, Instant now) {
        boolean[] taken = {false};
        attempts.compute(key, (k, a) -> {
            if (a == null || expired(a, now)) {
                taken[0] = true;
                return new Attempts(1, now);
            }
            if (a.count() >= limit) return a;
            taken[0] = true;
            return new Attempts(a.count() + 1, a.first());
        });
        return taken[0];
    }

    private void giveBack(String key) {
        attempts.computeIfPresent(key, (k, a) -> a.count() <= 1 ? null : new Attempts(a.count() - 1, a.first()));
    }

    private static boolean expired(Attempts a, Instant now) { return !a.first().plus(WINDOW).isAfter(now); }

    private static ApiException tooMany() {
        return new ApiException(429, "Too many attempts", "Too many failed sign-ins from here: try again in 15 minutes.", null, null);
    }
}
