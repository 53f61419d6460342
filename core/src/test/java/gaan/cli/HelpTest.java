package gaan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** --help of every command reads as a person would want it: sentences, defaults, examples, whole paths. */
class HelpTest {
    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> out = new java.util.LinkedHashMap<>(Main.commandLine().getSubcommands());
        out.remove("help");
        return out;
    }

    @Test
    void everyCommandIsSummedUpInOneWholeSentence() {
        String root = Main.commandLine().getUsageMessage();
        for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
            String[] header = e.getValue().getCommandSpec().usageMessage().header();
            assertEquals(1, header.length, e.getKey());
            assertTrue(header[0].endsWith(".") && Character.isUpperCase(header[0].charAt(0)), header[0]);
            String line = root.lines().filter(l -> l.trim().startsWith(e.getKey() + " ")).findFirst().orElseThrow();
            assertTrue(line.trim().endsWith(header[0]), "the summary fits on one line of gaan --help: " + line);
        }
    }

    @Test
    void everyCommandShowsExamplesOfItself() {
        for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
            String usage = e.getValue().getUsageMessage();
            long examples = usage.lines().filter(l -> l.startsWith("  gaan " + e.getKey())).count();
            assertTrue(usage.contains("Examples:") && examples >= 2, e.getKey() + " examples: " + examples);
        }
    }

    @Test
    void everyOptionWithAValueSaysItsDefaultInASentence() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp() || o.arity().max() == 0) {
                    continue;
                }
                String text = String.join(" ", o.description());
                if (!text.contains("default") || !text.endsWith(".") || !Character.isUpperCase(text.charAt(0))) {
                    missing.add(e.getKey() + " " + o.longestName() + ": " + text);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noPathIsBrokenAcrossLines() {
        for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
            List<String> lines = e.getValue().getUsageMessage().lines().map(String::trim).toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                boolean cut = lines.get(i).matches(".*[/.]$") && lines.get(i + 1).matches("^[A-Za-z0-9_.-]+/.*");
                assertTrue(!cut && !lines.get(i).endsWith("/"), e.getKey() + ": '" + lines.get(i) + "' / '"
                        + lines.get(i + 1) + "'");
            }
        }
    }
}
