package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gaan.config.ConfigException;

class FailureTest {
    @Test
    void anExceptionWithoutMessageIsNamedByTypeAndGaanFrame() {
        String d = Failure.describe(new NullPointerException());
        assertTrue(d.startsWith("java.lang.NullPointerException (at gaan.experiment.FailureTest."), d);
        String lib = Failure.describe(new IllegalStateException("X-Axis data cannot be empty!!!"));
        assertTrue(lib.startsWith("IllegalStateException: X-Axis data cannot be empty!!! (at gaan."), lib);
        assertEquals("task 'x': bad", Failure.describe(new ConfigException("task 'x': bad")));
    }
}
