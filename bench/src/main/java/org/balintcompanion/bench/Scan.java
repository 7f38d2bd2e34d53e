package org.balintcompanion.bench;

/**
 * Reads the few fields the generator needs from a frame without parsing the whole JSON: the servers write
 * {@code {"type":"…","epoch":"…","version":n,…}} and {@code {"type":"ack","id":"…","version":n}} with these fields
 * first, so a scan of the frame's head is exact and costs the generator far less CPU than a full parse of a
 * 2–3 KiB room view on every delivery.
 */
final class Scan {
    private Scan() {}

    private static final String TYPE = "{\"type\":\"";

    static String type(String f) {
        if (!f.startsWith(TYPE)) return null;
        int end = f.indexOf('"', TYPE.length());
        return end < 0 ? null : f.substring(TYPE.length(), end);
    }

    /** The value of {@code "version":n}, or -1. */
    static long version(String f) {
        int at = f.indexOf("\"version\":");
        if (at < 0 || at > 256) return -1;
        long v = 0;
        int i = at + 10;
        boolean any = false;
        for (; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c < '0' || c > '9') break;
            v = v * 10 + (c - '0');
            any = true;
        }
        return any ? v : -1;
    }

    /** The string after {@code key} (which ends with the opening quote) up to the closing quote, or null. */
    static String stringField(String f, String key) {
        int at = f.indexOf(key);
        if (at < 0) return null;
        int start = at + key.length();
        int end = f.indexOf('"', start);
        return end < 0 ? null : f.substring(start, end);
    }
}
