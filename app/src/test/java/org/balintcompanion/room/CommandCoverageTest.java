package org.balintcompanion.room;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandCoverageTest {

    @Test void everyCommandHasASampleSoEveryRuleTestSeesIt() {
        Set<Class<?>> permitted = Arrays.stream(Command.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> sampled = CommandSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(permitted, sampled);
    }
}
