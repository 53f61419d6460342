package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.data.CollectionReader;
import gaan.data.DemoCorpus;
import picocli.CommandLine;

class DemoCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DemoCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesACollectionOfTheRequestedSize() {
        Path dir = tmp.resolve("demo");
        assertEquals(0, run(dir.toString(), "--tracks", "9", "--seconds", "0.5", "--genres", "3", "--seed", "7"));
        assertEquals(9, CollectionReader.read(dir).size());
        assertTrue(out.toString().contains("Wrote 9 tracks"), out.toString());
        assertTrue(out.toString().contains("rock, pop, folk"), out.toString());
    }

    @Test
    void outOfRangeOptionsAreUsageErrorsNamingTheOption() {
        String dir = tmp.resolve("x").toString();
        assertEquals(2, run(dir, "--genres", "9"));
        assertTrue(err.toString().contains("--genres"), err.toString());
        assertEquals(2, run(dir, "--genres", "4", "--tracks", "3"));
        assertTrue(err.toString().contains("--tracks"), err.toString());
        assertEquals(2, run(dir, "--seconds", "0"));
        assertTrue(err.toString().contains("--seconds"), err.toString());
        assertEquals(2, run(dir, "--tracks", "many"));
        assertEquals(2, run());
        assertTrue(Files.notExists(tmp.resolve("x")), "nothing written on bad usage");
    }

    @Test
    void helpDescribesEveryOptionWithTheLibraryDefaultsAndGenres() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        for (String option : new String[] {"DIR", "--tracks", "--seconds", "--genres", "--seed"}) {
            assertTrue(help.contains(option), option + " missing from help:\n" + help);
        }
        assertTrue(help.replaceAll("\\s+", " ").contains(String.join(", ", DemoCorpus.availableGenres())),
                "help lists the genres in order:\n" + help);
        var spec = new CommandLine(new DemoCommand()).getCommandSpec();
        DemoCorpus.Options d = DemoCorpus.Options.DEFAULT;
        assertEquals(String.valueOf(d.tracks()), spec.findOption("--tracks").defaultValue());
        assertEquals(d.seconds(), Double.parseDouble(spec.findOption("--seconds").defaultValue()));
        assertEquals(String.valueOf(d.genres()), spec.findOption("--genres").defaultValue());
        assertEquals(String.valueOf(d.seed()), spec.findOption("--seed").defaultValue());
    }
}
