package gaan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gaan.data.Npy;
import gaan.testutil.Fixtures;

/** scikit-learn's reference values in {@code fixtures/cluster}. */
public final class ClusterFixture {
    private ClusterFixture() {
    }

    public static double[][] x() {
        return Npy.read(Fixtures.cluster("X.npy")).toMatrix();
    }

    public static int[] labels(String file) {
        return Npy.read(Fixtures.cluster(file)).toInts();
    }

    public static JsonNode expected(String section) {
        return json("expected.json").get(section);
    }

    /** A JSON file of the fixture folder. */
    public static JsonNode json(String file) {
        try {
            return new ObjectMapper().readTree(Files.readString(Fixtures.cluster(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts every metric of a fixture section: values to 1e-9 (absolute, or relative above 1), counts exactly. */
    public static void assertScoresMatch(String section, Scores s) {
        JsonNode e = expected(section);
        assertClose(e, "silhouette", s.silhouette());
        assertClose(e, "davies_bouldin", s.daviesBouldin());
        assertClose(e, "calinski_harabasz", s.calinskiHarabasz());
        assertClose(e, "ari", s.ari());
        assertClose(e, "nmi", s.nmi());
        assertClose(e, "ami", s.ami());
        assertClose(e, "purity", s.purity());
        assertEquals(e.get("n_clusters").asInt(), s.nClusters(), section + " n_clusters");
        assertEquals(e.get("n_noise").asInt(), s.nNoise(), section + " n_noise");
    }

    private static void assertClose(JsonNode e, String key, double actual) {
        double expected = e.get(key).asDouble();
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), key);
    }
}
