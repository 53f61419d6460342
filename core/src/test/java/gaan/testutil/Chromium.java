package gaan.testutil;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        List<String> command = command("--virtual-time-budget=5000");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            stop(p);
            throw new AssertionError("chromium did not finish within 90 s; stderr:\n" + Files.readString(stderr));
        }
        return p;
    }

    /**
     * Opens {@code page} and waits in wall-clock time (90 s at most) until its title starts with
     * {@code prefix}, read over the DevTools HTTP endpoint; returns the rest of the title. For pages
     * that finish on events the browser's virtual clock does not wait for, such as media loading
     * its metadata, which {@code --dump-dom} may dump before on a busy machine.
     */
    public String awaitTitle(Path page, String prefix, Path stderr, String... args)
            throws IOException, InterruptedException {
        List<String> command = command("--remote-debugging-port=0");
        command.addAll(List.of(args));
        command.add(page.toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String lastTitle = "(no page yet)";
            while (System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(200);
                List<String> portLines = Files.isRegularFile(portFile) ? Files.readAllLines(portFile) : List.of();
                if (portLines.isEmpty()) {
                    continue;
                }
                int port = Integer.parseInt(portLines.get(0).trim());
                HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .timeout(Duration.ofSeconds(5)).build();
                JsonNode targets;
                try {
                    targets = json.readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body());
                } catch (IOException notListeningYet) {
                    continue;
                }
                for (JsonNode t : targets) {
                    if (t.path("url").asText().equals(page.toUri().toString())) {
                        lastTitle = t.path("title").asText();
                        if (lastTitle.startsWith(prefix)) {
                            return lastTitle.substring(prefix.length());
                        }
                    }
                }
            }
            throw new AssertionError("the page's title never started with '" + prefix + "' (last: " + lastTitle
                    + "); stderr:\n" + Files.readString(stderr));
        } finally {
            stop(p);
        }
    }

    /**
     * Kills the browser and every process it started (renderer, GPU, utility, crash handler) and
     * waits until all have exited: killing the first alone left its children writing into the
     * profile, and the test's temporary folder then failed to delete ("profile/Default").
     */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.waitFor();
        for (ProcessHandle child : tree) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("chromium's process " + child.pid() + " did not exit", e);
            }
        }
    }

    private List<String> command(String timing) {
        return new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", timing));
    }
}
