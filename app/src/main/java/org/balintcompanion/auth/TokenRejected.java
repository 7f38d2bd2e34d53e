package org.balintcompanion.auth;

/** A join token that cannot be used. {@code expired} lets the client tell the person to ask for a new link. */
public final class TokenRejected extends Exception {
    private final boolean expired;

    public TokenRejected(String message, boolean expired) {
        super(message, null, false, false);
        this.expired = expired;
    }

    public boolean expired() { return expired; }
}
