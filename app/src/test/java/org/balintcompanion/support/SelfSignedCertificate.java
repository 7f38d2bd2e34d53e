package org.balintcompanion.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate for localhost and 127.0.0.1 made by Debian's openssl, as PEM files the way certbot
 * writes them, and a client SSL context that trusts exactly it.
 */
public record SelfSignedCertificate(Path certificate, Path privateKey) {

    public static SelfSignedCertificate create(Path dir, String commonName) throws Exception {
        Files.createDirectories(dir);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-days", "2", "-subj", "/CN=" + commonName, "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("openssl failed: " + out);
        return new SelfSignedCertificate(cert, key);
    }

    public X509Certificate x509() throws Exception {
        try (InputStream in = Files.newInputStream(certificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A started WebSocket client for wss:// that trusts this certificate; stop it when done. */
    public org.eclipse.jetty.websocket.client.WebSocketClient webSocketClient() throws Exception {
        var ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Client();
        ssl.setSslContext(trustingContext());
        var http = new org.eclipse.jetty.client.HttpClient();
        http.setSslContextFactory(ssl);
        var client = new org.eclipse.jetty.websocket.client.WebSocketClient(http);
        client.start();
        return client;
    }

    /** Trusts this certificate and nothing else. */
    public SSLContext trustingContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("test", (Certificate) x509());
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
