package org.balintcompanion.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.balintcompanion.config.Secret;

/**
 * The "I'll come" / "I can't come" links in every message: signed, naming the meeting, the person and the answer,
 * valid until the meeting starts. A different audience from join tokens, so one can never be used as the other.
 */
public final class RsvpTokens {
    private static final String AUDIENCE = "rsvp";

    public record Answer(String meetingId, String personId, boolean coming) {}

    private final SecretKey key;
    private final Clock clock;

    public RsvpTokens(Secret secret, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret.bytes());
        this.clock = clock;
    }

    public String issue(String meetingId, String personId, boolean coming, Instant until) {
        return Jwts.builder().issuer("balint-companion").audience().add(AUDIENCE).and().subject(personId)
                .claim("meeting", meetingId).claim("coming", coming).issuedAt(Date.from(clock.instant()))
                .expiration(Date.from(until)).signWith(key, Jwts.SIG.HS256).compact();
    }

    public Answer verify(String token) throws TokenRejected {
        if (token == null || token.isBlank() || token.length() > 2048) throw new TokenRejected("This answer link is incomplete.", false);
        try {
            Claims c = Jwts.parser().verifyWith(key).requireAudience(AUDIENCE).clock(() -> Date.from(clock.instant())).build()
                    .parseSignedClaims(token).getPayload();
            String meeting = c.get("meeting", String.class);
            Boolean coming = c.get("coming", Boolean.class);
            if (meeting == null || coming == null || c.getSubject() == null) throw new TokenRejected("This answer link is not valid.", false);
            return new Answer(meeting, c.getSubject(), coming);
        } catch (ExpiredJwtException e) {
            throw new TokenRejected("The meeting has started: answers are closed.", true);
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            throw new TokenRejected("This answer link is not valid.", false);
        }
    }
}
