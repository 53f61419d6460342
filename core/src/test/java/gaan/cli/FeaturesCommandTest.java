package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import gaan.data.Npy;
import gaan.testutil.Fixtures;
import gaan.testutil.Wav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeaturesCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new FeaturesCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesTheStoreUnderTheCollectionByDefaultAndPrintsTheSummary() throws Exception {
        Wav.write(dir.resolve("audio/a.wav"), Wav.tone(3.5, 22050, 220, 1), 22050, 1);
        Wav.write(dir.resolve("audio/b.wav"), Wav.tone(3.5, 22050, 330, 2), 22050, 1);
        Files.copy(Fixtures.audio("not_audio.mp3"), dir.resolve("audio/c.mp3"));
        assertEquals(0, run(dir.toString(), "--threads", "2", "--patches", "2", "--offset", "0.5", "--duration", "3"));
        assertTrue(out.toString().contains("3 tracks: 2 extracted, 0 cached, 1 skipped"), out.toString());
        assertTrue(out.toString().contains("skipped c: "), out.toString());
        Path store = dir.resolve(".gaan/features");
        assertArrayEquals(new int[] {3, 2, 128, 128}, Npy.read(store.resolve("logmel_patch.npy")).shape());
        assertTrue(Files.readString(store.resolve("tracks.csv")).contains(",3.000000,"), "3 s analysed");
    }

    @Test
    void helpDescribesEveryOption() {
        assertEquals(0, run("--help"));
        for (String option : new String[] {"--out", "--threads", "--patches", "--offset", "--duration"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    @Test
    void badOptionValueIsAUsageError() throws Exception {
        Wav.write(dir.resolve("audio/a.wav"), Wav.tone(1, 22050, 220, 1), 22050, 1);
        assertEquals(2, run(dir.toString(), "--patches", "0"));
        assertTrue(err.toString().contains("patchesPerTrack"), err.toString());
    }
}
