package org.balintcompanion.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.balintcompanion.config.Secret;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;

/** Signs and verifies join tokens (HMAC-SHA256 JWTs) naming a room, a member and their role. jjwt lives only here. */
public final class RoomTokens {
    private static final String ISSUER = "balint-companion";
    private static final String AUDIENCE = "room";

    private final SecretKey key;
    private final Clock clock;
    private final Revocations revoked;

    public RoomTokens(Secret secret, Clock clock) { this(secret, clock, Revocations.NONE); }

    /** {@code revoked} answers from memory what was withdrawn: no database call at connection time. */
    public RoomTokens(Secret secret, Clock clock, Revocations revoked) {
        this.key = Keys.hmacShaKeyFor(secret.bytes());
        this.clock = clock;
        this.revoked = revoked;
    }

    public String issue(RoomId room, MemberId member, Role role, Duration validFor) {
        return issue(room, member, role, clock.instant().plus(validFor), null);
    }

    /** A token with a link id ({@code jti}) that can later be revoked. */
    public String issue(RoomId room, MemberId member, Role role, Instant expiresAt, String linkId) {
        if (role == Role.SYSTEM) throw new IllegalArgumentException("no token is ever issued for the system");
        var builder = Jwts.builder().issuer(ISSUER).audience().add(AUDIENCE).and()
                .subject(member.value()).claim("room", room.value()).claim("role", role.name())
                .issuedAt(Date.from(clock.instant())).expiration(Date.from(expiresAt));
        if (linkId != null) builder.id(linkId);
        return builder.signWith(key, Jwts.SIG.HS256).compact();
    }

    public Caller verify(String token) throws TokenRejected {
        if (token == null || token.isBlank()) throw new TokenRejected("No join token was given.", false);
        if (token.length() > 4096) throw new TokenRejected("The join token is not valid.", false);
        try {
            Claims c = Jwts.parser().verifyWith(key).requireIssuer(ISSUER).requireAudience(AUDIENCE)
                    .clock(() -> Date.from(clock.instant())).build().parseSignedClaims(token).getPayload();
            String room = c.get("room", String.class);
            String role = c.get("role", String.class);
            String member = c.getSubject();
            if (!RoomId.isValid(room) || !MemberId.isValid(member) || !isPersonRole(role)) {
                throw new TokenRejected("The join token is not valid.", false);
            }
            if (c.getId() != null && revoked.linkWithdrawn(c.getId())
                    || revoked.accessWithdrawn(RoomId.of(room), MemberId.of(member))) {
                throw new TokenRejected("This link was withdrawn: ask a leader for a new one.", false);
            }
            return new Caller(RoomId.of(room), MemberId.of(member), Role.valueOf(role));
        } catch (ExpiredJwtException e) {
            throw new TokenRejected("This join link has expired: ask a leader for a new one.", true);
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            throw new TokenRejected("The join token is not valid.", false);
        }
    }

    private static boolean isPersonRole(String role) {
        for (Role r : Role.values()) if (r != Role.SYSTEM && r.name().equals(role)) return true;
        return false;
    }
}
