package org.balintcompanion.config;

import java.util.Arrays;

/** Key material that must never reach a log: {@code toString} is redacted. */
public final class Secret {
    private final byte[] bytes;

    public Secret(byte[] bytes) {
        if (bytes.length < 32) throw new IllegalArgumentException("a signing key needs at least 32 bytes (256 bits)");
        this.bytes = bytes.clone();
    }

    public byte[] bytes() { return bytes.clone(); }

    @Override public String toString() { return "Secret[redacted]"; }

    @Override public boolean equals(Object o) { return o instanceof Secret s && Arrays.equals(bytes, s.bytes); }

    @Override public int hashCode() { return Arrays.hashCode(bytes); }
}
