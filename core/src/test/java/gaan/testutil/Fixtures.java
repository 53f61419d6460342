package gaan.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the reference fixtures kept in the repository ({@code core/src/test/fixtures}: librosa 0.11
 * and scikit-learn 1.2 values, see its README), or the folder named by system property
 * {@code gaan.fixtures}. Tests need nothing outside the checkout.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String configured = System.getProperty("gaan.fixtures");
        Path p = configured != null ? Path.of(configured) : Path.of("src", "test", "fixtures");
        if (!Files.isDirectory(p.resolve("audio"))) {
            throw new IllegalStateException("reference fixtures not found at " + p.toAbsolutePath()
                    + "; they live in core/src/test/fixtures (set -Dgaan.fixtures=DIR to read them elsewhere)");
        }
        return p.toAbsolutePath().normalize();
    }

    public static Path audio(String name) {
        return root().resolve("audio").resolve(name);
    }

    public static Path cluster(String name) {
        return root().resolve("cluster").resolve(name);
    }

    public static Path descriptors(String name) {
        return root().resolve("descriptors").resolve(name);
    }
}
