package dev.corebound.parallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelismNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"serial", "threads(3)", "virtualThreads", "gil(2)", "nativeThreads(4)", "processes(1)"})
    void aNameParsesBackToTheSameParallelism(String name) {
        try (Parallelism p = Parallelism.parse(name)) {
            assertEquals(name, p.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads", "threads(0)", "thread(2)", "gil(-1)", ""})
    void aBadNameSaysWhatIsAllowed(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.parse(name).close());
        assertTrue(e.getMessage().contains("threads(n)") || e.getMessage().contains("at least 1"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads(99999999999)", "gil(2147483648)", "processes(000000000000000000001000000000000)"})
    void aWorkerCountBeyondAnIntSaysTheRange(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.parse(name).close());
        assertTrue(e.getMessage().contains("from 1 to 2147483647"), e.getMessage());
    }

    @Test
    void leadingZerosStillParse() {
        try (Parallelism p = Parallelism.parse("threads(002)")) {
            assertEquals(2, p.workers());
        }
    }
}
