package gaan.eval;

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
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(Fixtures.cluster("expected.json")));
            return root.get(section);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
