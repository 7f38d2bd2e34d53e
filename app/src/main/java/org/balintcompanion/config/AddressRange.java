package org.balintcompanion.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** One trusted proxy: an IP address, or a CIDR range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
public record AddressRange(byte[] network, int prefixBits, String text) {
    // Only literals: a host name here would make every request wait for DNS, and DNS can be spoofed.
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    public static AddressRange parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        if (!LITERAL.matcher(host).matches()) throw refused(t);
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw refused(t);
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw refused(t);
            }
            if (bits < 0 || bits > bytes.length * 8) throw refused(t);
        }
        return new AddressRange(bytes, bits, t);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) return false;
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
        }
        return true;
    }

    private static IllegalArgumentException refused(String t) {
        return new IllegalArgumentException("BALINT_TRUSTED_PROXIES: '" + t + "' is not an IP address or a CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8)");
    }

    @Override public String toString() { return text; }

    @Override public boolean equals(Object o) { return o instanceof AddressRange r && r.text.equals(text); }

    @Override public int hashCode() { return text.hashCode(); }
}
