package gaan.testutil;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless {@code chromium} for browser tests: skipped only outside CI when it is not installed. */
public final class Chromium {
    private final Path binary;
    private final Path profile;

    private Chromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** The installed browser with its profile in {@code work}; the test is skipped without one outside CI. */
    public static Chromium require(Path work) {
        Path found = null;
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                found = Path.of(candidate);
                break;
            }
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assumeTrue(found != null || ci, "chromium not installed (apt-get install chromium); runs in CI");
        assertTrue(found != null, "CI must have chromium: .ci/run installs Debian's chromium package");
        return new Chromium(found, work.resolve("profile"));
    }

    /** Runs headless chromium with {@code args} and waits for it (90 s at most). */
    public Process run(Path stdout, Path stderr, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish within 90 s; stderr:\n" + Files.readString(stderr));
        }
        return p;
    }
}
