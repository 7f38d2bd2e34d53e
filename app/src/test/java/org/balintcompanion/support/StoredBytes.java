package org.balintcompanion.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the server left on disk, searched byte by byte: the way to check that something was never stored, or is gone. */
public final class StoredBytes {
    private StoredBytes() {}

    /** The files under {@code dir} (recursively) whose bytes contain {@code text} in UTF-8. */
    public static List<Path> filesContaining(Path dir, String text) throws IOException {
        if (!Files.exists(dir)) return List.of();
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        byte[] hay;
        try {
            hay = Files.readAllBytes(file);
        } catch (IOException gone) {
            return false;   // deleted while we looked (a journal segment replaced)
        }
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
