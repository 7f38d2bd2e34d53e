package org.balintcompanion.zoom;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where the adapter finds Zoom. Both hosts are configurable so tests and staging can point at a fake.
 *
 * @param apiBase   REST base, {@code https://api.zoom.us/v2} in production
 * @param oauthBase token host, {@code https://zoom.us} in production; the token is requested from
 *                  {@code {oauthBase}/oauth/token}
 */
public record ZoomEndpoints(URI apiBase, URI oauthBase) {

    public static final URI DEFAULT_API_BASE = URI.create("https://api.zoom.us/v2");
    public static final URI DEFAULT_OAUTH_BASE = URI.create("https://zoom.us");

    public ZoomEndpoints {
        apiBase = checked(apiBase, "apiBase");
        oauthBase = checked(oauthBase, "oauthBase");
    }

    public static ZoomEndpoints production() {
        return new ZoomEndpoints(DEFAULT_API_BASE, DEFAULT_OAUTH_BASE);
    }

    /** Reads {@code ZOOM_API_BASE_URL} and {@code ZOOM_OAUTH_BASE_URL}; each falls back to Zoom's own host. */
    public static ZoomEndpoints fromEnv(Map<String, String> env) {
        return new ZoomEndpoints(uri(env, "ZOOM_API_BASE_URL", DEFAULT_API_BASE),
                uri(env, "ZOOM_OAUTH_BASE_URL", DEFAULT_OAUTH_BASE));
    }

    public URI tokenUri() {
        return URI.create(oauthBase + "/oauth/token");
    }

    private static URI uri(Map<String, String> env, String name, URI fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + value, e);
        }
    }

    private static URI checked(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an http(s) URL with a host: " + uri);
        }
        String text = uri.toString();
        // Paths are appended to it, so a trailing slash would double up.
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
