package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.data.DemoCorpus;

/**
 * libtorch's console: a user running the jar without the launcher's environment sees gaan's own
 * lines, not libtorch's deprecation notices. Runs {@code gaan train} in a child JVM, since libtorch
 * prints the notice once per process and straight to the process's stderr.
 */
class LibtorchConsoleTest {
    @TempDir
    Path dir;

    @Test
    void trainingPrintsNoLibtorchDeprecationNotice() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(6, 1.0, 2, 3));
        Path log = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", demo.toString(), "--epochs", "2", "--threads", "1",
                "--out", dir.resolve("train").toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(log.toFile());
        pb.environment().remove("TORCH_CPP_LOG_LEVEL");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process child = pb.start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "gaan train finished");
        String stderr = Files.readString(log);
        assertEquals(0, child.exitValue(), stderr);
        assertTrue(Files.isRegularFile(dir.resolve("train/latent.npy")), stderr);
        assertFalse(stderr.contains("AutoNonVariableTypeMode"), stderr);
        assertFalse(stderr.contains("Warning:"), stderr);
    }
}
