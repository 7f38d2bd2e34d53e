package org.balintcompanion.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the server meets the internet: TLS in Jetty (or none, behind a proxy), which proxies may tell us the client's
 * address and scheme, connection and upgrade limits, and where metrics are served. See docs/configuration.md.
 */
public record Edge(Optional<TlsFiles> tls, List<AddressRange> trustedProxies, int maxConnections, int connectionsPerAddress,
                   int upgradesPerMinute, Optional<Metrics> metrics) {

    /** A PEM certificate chain and its PEM private key (PKCS#8, as certbot writes them), re-read when renewed. */
    public record TlsFiles(Path certificate, Path privateKey, Duration checkEvery) {}

    /** Prometheus text on its own port, bound to {@code bind} (loopback unless told otherwise). */
    public record Metrics(String bind, int port) {}

    public Edge {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public boolean trusts(InetAddress address) {
        return trustedProxies.stream().anyMatch(r -> r.contains(address));
    }

    static Edge fromEnv(Map<String, String> env, IntReader ints) {
        String cert = blank(env.get("BALINT_TLS_CERT"));
        String key = blank(env.get("BALINT_TLS_KEY"));
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("Set both BALINT_TLS_CERT and BALINT_TLS_KEY (PEM files), or neither");
        }
        String proxies = env.getOrDefault("BALINT_TRUSTED_PROXIES", "");
        String metricsPort = blank(env.get("BALINT_METRICS_PORT"));
        return new Edge(cert == null ? Optional.empty() : Optional.of(new TlsFiles(Path.of(cert), Path.of(key),
                        Duration.ofSeconds(Math.max(1, ints.read("BALINT_TLS_RELOAD_SECONDS", 60))))),
                Arrays.stream(proxies.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(AddressRange::parse).toList(),
                ints.read("BALINT_MAX_CONNECTIONS", 20_000),
                ints.read("BALINT_CONNECTIONS_PER_ADDRESS", 64),
                ints.read("BALINT_UPGRADES_PER_MINUTE", 60),
                metricsPort == null ? Optional.empty()
                        : Optional.of(new Metrics(env.getOrDefault("BALINT_METRICS_BIND", "127.0.0.1"), ints.read("BALINT_METRICS_PORT", 0))));
    }

    interface IntReader { int read(String name, int fallback); }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
