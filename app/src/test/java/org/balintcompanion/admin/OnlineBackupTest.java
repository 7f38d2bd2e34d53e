package org.balintcompanion.admin;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.AdminClient.Reply;
import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup taken while the server runs restores into a server that knows everything the first one did. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OnlineBackupTest {
    private static final String EMAIL = "admin@society.example";
    private static final String PASSWORD = "correct horse battery";

    @Test void aBackupTakenWhileRunningRestoresIntoAWorkingServer() throws Exception {
        Path restored = Files.createTempDirectory("balint-restored");
        String ana;
        try (TestServer server = TestServer.start(Map.of("BALINT_ADMIN_EMAIL", EMAIL, "BALINT_ADMIN_PASSWORD", PASSWORD))) {
            server.app().admin().sessions().ensureFirstAdmin(EMAIL, PASSWORD);
            var admin = new AdminClient(server);
            admin.signIn(EMAIL, PASSWORD);
            ana = admin.post("/api/people", Map.of("displayName", "Ana Silva", "email", "ana@example.org")).text("id");

            Reply backup = admin.post("/api/backup", Map.of());
            assertEquals(201, backup.status(), backup.body().toString());
            Path dir = Path.of(backup.text("directory"));
            assertTrue(backup.body().path("files").toString().contains("token.key"), backup.body().toString());

            try (var files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path rel = dir.relativize(p);
                    if (Files.isRegularFile(p) && !rel.toString().equals("database.zip")) {
                        Files.createDirectories(restored.resolve(rel).getParent());
                        Files.copy(p, restored.resolve(rel));
                    }
                }
            }
            unzip(dir.resolve("database.zip"), restored);
        }
        try (TestServer again = TestServer.start(Map.of("BALINT_DATA_DIR", restored.toString()))) {
            var admin = new AdminClient(again);
            assertEquals(200, admin.signIn(EMAIL, PASSWORD).status(), "the account came back");
            assertEquals("Ana Silva", admin.get("/api/people/" + ana).body().path("person").path("displayName").asText());
        }
    }

    private static void unzip(Path zip, Path into) throws Exception {
        try (InputStream in = Files.newInputStream(zip); var z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path out = into.resolve(e.getName()).normalize();
                assertTrue(out.startsWith(into));
                Files.copy(z, out);
            }
        }
    }
}
