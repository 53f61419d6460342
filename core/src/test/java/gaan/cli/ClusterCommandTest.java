package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.data.Npy;
import picocli.CommandLine;

class ClusterCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private Path points() {
        Random r = new Random(3);
        double[][] x = new double[40][3];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        Path file = dir.resolve("x.npy");
        Npy.write(file, x);
        return file;
    }

    private int gaan(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void anOptionTheAlgorithmDoesNotUseIsAnError() {
        Path x = points();
        assertEquals(2, gaan("cluster", x.toString(), "--linkage", "ward", "--out", dir.resolve("a").toString()));
        assertTrue(err.toString().contains("cluster.linkage: applies to agglomerative only, not to kmeans"),
                err.toString());
        assertEquals(2, gaan("cluster", x.toString(), "--algorithm", "dbscan", "--k", "4"));
        assertTrue(err.toString().contains("cluster.k: applies to kmeans, agglomerative, gmm and spectral only, not to dbscan"),
                err.toString());
        assertEquals(2, gaan("cluster", x.toString(), "--algorithm", "dbscan", "--eps", "0.5", "--eps-factor", "2"));
        assertTrue(err.toString().contains("give eps or epsFactors, not both"), err.toString());
        assertFalse(Files.exists(dir.resolve("a")), "nothing written");
    }

    @Test
    void aSingleRunNoRuleSelectsStillWritesItsLabelsAndSaysWhy() {
        Path x = points();
        Path out = dir.resolve("out");
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, gaan("cluster", x.toString(), "--algorithm", "dbscan", "--eps", "0.001", "--out",
                    out.toString()), err.toString());
        } finally {
            System.setOut(stdout);
        }
        int[] labels = Npy.read(out.resolve("clusters.npy")).toInts();
        int[] noise = new int[40];
        java.util.Arrays.fill(noise, -1);
        assertArrayEquals(noise, labels, "eps 0.001 leaves every point as noise");
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("clusters.npy holds the only run although it was not selected: no run covers at "
                + "least 90% of the rows with a defined silhouette"), text);
    }
}
