package org.balintcompanion.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The app sees records and interfaces; the generated client never leaks through a public signature. */
class PublicApiTest {

    private static final String GENERATED = "org.balintcompanion.zoom.generated";

    @Test
    void noGeneratedTypeAppearsInThePublicApi() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : ourClasses()) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                check(leaks, type + "." + method.getName(), method.toGenericString());
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                check(leaks, type + " constructor", constructor.toGenericString());
            }
            for (Field field : type.getFields()) {
                check(leaks, type + "." + field.getName(), field.toGenericString());
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(leaks, type + "." + component.getName(), component.getGenericType().getTypeName());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static void check(List<String> leaks, String where, String signature) {
        if (signature.contains(GENERATED)) {
            leaks.add(where + ": " + signature);
        }
    }

    private static List<Class<?>> ourClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ZoomMeetings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path ours = root.resolve("org/balintcompanion/zoom");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ours)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith(GENERATED)) {
                    classes.add(Class.forName(name));
                }
            }
        }
        return classes;
    }
}
