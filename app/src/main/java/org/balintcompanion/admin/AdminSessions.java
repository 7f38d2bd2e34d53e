package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.balintcompanion.store.Database;
import org.balintcompanion.store.StoreException;

/**
 * Admin sign-in: password accounts, sessions kept as hashes of their cookie value, a CSRF token per session, and
 * throttling of failed sign-ins. The first administrator comes from the environment or from a one-time setup link.
 */
public final class AdminSessions {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(24);

    public record Session(String cookieValue, String csrfToken, Account account, Instant expiresAt) {
        @Override public String toString() { return "Session[account=" + account.email() + "]"; }
    }

    private final Database db;
    private final PasswordHasher hasher;
    private final Ids ids;
    private final AuditLog audit;
    private final Clock clock;
    private final SignInThrottle throttle;
    /** Checked against when the e-mail has no account, so an unknown address costs the same hash as a known one. */
    private final String dummyHash;

    public AdminSessions(Database db, PasswordHasher hasher, Ids ids, AuditLog audit, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.ids = ids;
        this.audit = audit;
        this.clock = clock;
        this.throttle = new SignInThrottle(clock);
        this.dummyHash = hasher.hash(ids.random(16));
    }

    public boolean anyAccount() {
        return db.read(c -> Sql.one(c, "SELECT 1 FROM admin_account", rs -> true) != null);
    }

    /** Creates the first administrator from the environment if there is none yet. */
    public void ensureFirstAdmin(String email, String password) {
        if (anyAccount()) return;
        createAccount("environment", email, password, Account.Kind.ADMIN, null);
    }

    /** A one-time setup link token, stored only as a hash; null when an account already exists. */
    public String newSetupToken() {
        if (anyAccount()) return null;
        String token = ids.random(32);
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM setup_token");
            return Sql.update(c, "INSERT INTO setup_token (token_hash, expires_at) VALUES (?,?)",
                    sha256(token), clock.instant().plus(SETUP_LINK_LIFETIME));
        });
        return token;
    }

    public Account completeSetup(String token, String email, String password) {
        boolean valid = db.read(c -> Sql.one(c, "SELECT 1 FROM setup_token WHERE token_hash = ? AND expires_at > ?",
                rs -> true, sha256(token == null ? "" : token), clock.instant()) != null);
        if (!valid || anyAccount()) throw ApiException.unauthorized("This setup link is not valid any more.");
        Account a = createAccount("setup link", email, password, Account.Kind.ADMIN, null);
        db.read(c -> Sql.update(c, "DELETE FROM setup_token"));
        return a;
    }

    public Account createAccount(String actor, String email, String password, Account.Kind kind, String personId) {
        String normalized = Fields.email(email, "email");
        if (password == null || password.length() < 12) throw ApiException.badField("password", "A password needs at least 12 characters.");
        if (kind == Account.Kind.LEADER && personId == null) throw ApiException.badField("personId", "A leader account names the person it belongs to.");
        String id = ids.newId("a-");
        try {
            db.inTransaction(c -> {
                Sql.update(c, "INSERT INTO admin_account (id, email, password_hash, role, person_id, created_at) VALUES (?,?,?,?,?,?)",
                        id, normalized, hasher.hash(password), kind, personId, clock.instant());
                audit.record(c, actor, "account.create", id);
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) throw ApiException.conflict("email", "An account with this e-mail already exists.");
            throw e;
        }
        return new Account(id, normalized, kind, personId);
    }

    public Session signIn(String email, String password, String clientAddress) {
        String key = (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
        SignInThrottle.Ticket attempt = throttle.begin(key, clientAddress);
        var found = db.read(c -> Sql.one(c, "SELECT id, email, password_hash, role, person_id FROM admin_account WHERE email = ?",
                rs -> new Object[] {new Account(rs.getString("id"), rs.getString("email"), Account.Kind.valueOf(rs.getString("role")),
                        rs.getString("person_id")), rs.getString("password_hash")}, key));
        boolean right = hasher.matches(password == null ? "" : password, found == null ? dummyHash : (String) found[1]);
        if (found == null || password == null || !right) {
            throw ApiException.unauthorized("The e-mail or the password is not right.");
        }
        throttle.succeeded(attempt);
        Account account = (Account) found[0];
        String cookie = ids.random(40);
        String csrf = ids.random(32);
        Instant expires = clock.instant().plus(SESSION_LIFETIME);
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM admin_session WHERE expires_at < ?", clock.instant());
            Sql.update(c, "INSERT INTO admin_session (id_hash, account_id, csrf_token, expires_at) VALUES (?,?,?,?)",
                    sha256(cookie), account.id(), csrf, expires);
            audit.record(c, account.email(), "session.create", account.id());
            return null;
        });
        return new Session(cookie, csrf, account, expires);
    }

    /** The session behind a cookie value, or null when it is unknown or expired. */
    public Session find(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 100) return null;
        return db.read(c -> Sql.one(c, "SELECT s.csrf_token, s.expires_at, a.id, a.email, a.role, a.person_id FROM admin_session s "
                        + "JOIN admin_account a ON a.id = s.account_id WHERE s.id_hash = ? AND s.expires_at > ?",
                rs -> new Session(cookieValue, rs.getString("csrf_token"), new Account(rs.getString("id"), rs.getString("email"),
                        Account.Kind.valueOf(rs.getString("role")), rs.getString("person_id")), Sql.instant(rs, "expires_at")),
                sha256(cookieValue), clock.instant()));
    }

    public void signOut(Session s) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM admin_session WHERE id_hash = ?", sha256(s.cookieValue()));
            audit.record(c, s.account().email(), "session.delete", s.account().id());
            return null;
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
