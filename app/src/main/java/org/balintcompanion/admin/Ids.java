package org.balintcompanion.admin;

import java.security.SecureRandom;

/** Random record ids and secrets: unguessable, URL- and room-id-safe. */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String newId(String prefix) { return prefix + random(12); }

    public String random(int length) {
        var out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
