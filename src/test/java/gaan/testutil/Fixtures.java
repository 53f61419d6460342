package gaan.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/fixtures} (or the folder named by system property {@code gaan.shared}). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path shared() {
        String configured = System.getProperty("gaan.shared");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(p.resolve("fixtures"))) {
            throw new IllegalStateException("reference fixtures not found at " + p.toAbsolutePath()
                    + "/fixtures; the project expects ../shared beside its checkout");
        }
        return p.toAbsolutePath().normalize();
    }

    public static Path audio(String name) {
        return shared().resolve("fixtures/audio").resolve(name);
    }

    public static Path cluster(String name) {
        return shared().resolve("fixtures/cluster").resolve(name);
    }
}
