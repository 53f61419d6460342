package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import gaan.experiment.Progress;

class ConsoleProgressTest {
    @Test
    void withoutATerminalProgressIsAPlainLineAtTheStartEveryTenthAndWhenStoppedEarly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        try (Progress.Tracker t = progress.start("train easy/mlp_vae seed 1", 80)) {
            for (int i = 0; i < 42; i++) {
                t.step("loss 82.125");
            }
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), "no redraws in a log file");
        List<String> lines = log.lines().toList();
        assertEquals(7, lines.size(), log);
        assertTrue(lines.get(0).startsWith("train easy/mlp_vae seed 1   1% (1/80, "), "the first step: " + lines.get(0));
        assertTrue(lines.get(1).startsWith("train easy/mlp_vae seed 1  10% (8/80, "), lines.get(1));
        assertTrue(lines.get(1).endsWith(" loss 82.125"), "the detail is kept whole: " + lines.get(1));
        assertTrue(lines.get(5).startsWith("train easy/mlp_vae seed 1  50% (40/80, "), lines.get(5));
        assertTrue(lines.get(6).startsWith("train easy/mlp_vae seed 1  52% (42/80, "), "early stop: " + lines.get(6));
    }
}
