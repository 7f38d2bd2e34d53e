package org.balintcompanion.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.balintcompanion.config.Edge;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The real client behind a proxy. {@code Forwarded} (RFC 7239), else {@code X-Forwarded-For/-Proto}, are believed
 * only when the socket's peer is a proxy listed in BALINT_TRUSTED_PROXIES; from anyone else they are ignored, so a
 * stranger cannot pick the address the sign-in throttle and the connection limits count against. The client is the
 * rightmost address not itself a trusted proxy: each proxy appends, so what the client wrote itself is on the left.
 */
final class ForwardedClient implements HttpConfiguration.Customizer {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");
    private final Edge edge;

    ForwardedClient(Edge edge) { this.edge = edge; }

    @Override public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        InetAddress peer = addressOf(request.getConnectionMetaData().getRemoteSocketAddress());
        if (peer == null || !edge.trusts(peer)) return request;
        HttpFields h = request.getHeaders();
        List<String> hops = new ArrayList<>();
        String proto = null;
        String forwarded = h.get("Forwarded") == null ? null : String.join(",", h.getValuesList("Forwarded"));
        if (forwarded != null) {
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) continue;
                    String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).trim());
                    if (name.equals("for")) hops.add(value);
                    if (name.equals("proto")) proto = value;   // the last proto seen is the nearest hop's
                }
            }
        } else {
            for (String v : h.getValuesList("X-Forwarded-For")) for (String hop : v.split(",")) hops.add(hop.trim());
            String xfp = h.get("X-Forwarded-Proto");
            if (xfp != null) proto = xfp.substring(xfp.lastIndexOf(',') + 1).trim();
        }
        InetAddress client = client(hops);
        boolean https = proto == null ? request.isSecure() : proto.equalsIgnoreCase("https");
        if (client == null && proto == null) return request;
        return new Forwarded(request, client == null ? null : new InetSocketAddress(client, 0), https);
    }

    /** The rightmost hop that is not a trusted proxy; null when the chain says nothing usable. */
    private InetAddress client(List<String> hops) {
        InetAddress last = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress a = literal(hops.get(i));
            if (a == null) return last;     // "unknown" or an obfuscated name: the chain cannot be followed further
            last = a;
            if (!edge.trusts(a)) return a;
        }
        return last;
    }

    /** 203.0.113.7, 203.0.113.7:4711, [2001:db8::1]:4711 or 2001:db8::1; never a host name (no DNS). */
    private static InetAddress literal(String hop) {
        String s = hop.trim();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) return null;
            s = s.substring(1, end);
        } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
            s = s.substring(0, s.indexOf(':'));   // IPv4 with a port
        }
        if (!LITERAL.matcher(s).matches()) return null;
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    static InetAddress addressOf(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress() : null;
    }

    /** The request as the client made it: its address, and whether it reached the proxy over HTTPS. */
    private static final class Forwarded extends Request.Wrapper {
        private final ConnectionMetaData meta;
        private final boolean https;
        private final HttpURI uri;

        Forwarded(Request wrapped, InetSocketAddress client, boolean https) {
            super(wrapped);
            this.https = https;
            this.uri = HttpURI.build(wrapped.getHttpURI()).scheme(https ? "https" : "http").asImmutable();
            this.meta = new ConnectionMetaData.Wrapper(wrapped.getConnectionMetaData()) {
                @Override public SocketAddress getRemoteSocketAddress() {
                    return client == null ? super.getRemoteSocketAddress() : client;
                }

                @Override public boolean isSecure() { return https; }
            };
        }

        @Override public ConnectionMetaData getConnectionMetaData() { return meta; }

        @Override public boolean isSecure() { return https; }

        @Override public HttpURI getHttpURI() { return uri; }
    }
}
