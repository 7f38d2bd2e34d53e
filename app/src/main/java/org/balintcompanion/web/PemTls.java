package org.balintcompanion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.config.Edge;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS in Jetty from PEM files (what certbot and most CAs hand out): TLS 1.3 and 1.2 with forward-secret AEAD suites
 * only, and the files checked every minute (BALINT_TLS_RELOAD_SECONDS) so a renewal takes effect without a restart.
 */
final class PemTls implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PemTls.class);
    private static final char[] NO_PASSWORD = new char[0];
    private static final String[] MODERN_SUITES = {
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};

    private final Edge.TlsFiles files;
    private final SslContextFactory.Server factory = new SslContextFactory.Server();
    private final ScheduledExecutorService watcher;
    private long loadedStamp;

    PemTls(Edge.TlsFiles files) {
        this.files = files;
        factory.setKeyStore(load(files));
        factory.setKeyStorePassword("");
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        factory.setIncludeCipherSuites(MODERN_SUITES);
        factory.setCipherComparator(HTTP2Cipher.COMPARATOR);
        loadedStamp = stamp(files);
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tls-reload");
            t.setDaemon(true);
            return t;
        });
        long every = files.checkEvery().toMillis();
        watcher.scheduleWithFixedDelay(this::reloadIfRenewed, every, every, TimeUnit.MILLISECONDS);
    }

    SslContextFactory.Server factory() { return factory; }

    /** Re-reads the files when either changed; a half-written renewal is refused and the old certificate kept. */
    void reloadIfRenewed() {
        long now = stamp(files);
        if (now == loadedStamp) return;
        try {
            KeyStore fresh = load(files);
            factory.reload(f -> f.setKeyStore(fresh));
            loadedStamp = now;
            log.info("TLS certificate reloaded from {}", files.certificate());
        } catch (Exception e) {
            log.warn("TLS certificate in {} changed but cannot be used yet ({}); keeping the current one",
                    files.certificate(), e.getMessage());
        }
    }

    static KeyStore load(Edge.TlsFiles files) {
        try (InputStream in = Files.newInputStream(files.certificate())) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            if (chain.length == 0) throw new IllegalArgumentException("BALINT_TLS_CERT holds no PEM certificate: " + files.certificate());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            PrivateKey key = privateKey(files.privateKey());
            requireSamePair(key, chain[0]);
            store.setKeyEntry("balint", key, NO_PASSWORD, chain);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use BALINT_TLS_CERT / BALINT_TLS_KEY: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("BALINT_TLS_KEY must be an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in old.key -out key.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        var spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("BALINT_TLS_KEY is neither an RSA, an EC nor an Ed25519 key");
    }

    /** Mid-renewal the new key may sit beside the old certificate: such a pair would fail every handshake. */
    private static void requireSamePair(PrivateKey key, Certificate cert) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "balint".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signed = signer.sign();
        var verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signed)) throw new IllegalArgumentException("BALINT_TLS_KEY is not the key of BALINT_TLS_CERT");
    }

    private static long stamp(Edge.TlsFiles f) {
        try {
            return Files.getLastModifiedTime(f.certificate()).toMillis() * 31 + Files.getLastModifiedTime(f.privateKey()).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override public void close() { watcher.shutdownNow(); }
}
