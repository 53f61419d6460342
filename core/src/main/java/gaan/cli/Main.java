package gaan.cli;

import gaan.config.ConfigException;
import gaan.experiment.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code gaan} command. Exit status: 0 on success, 2 on bad usage (an unknown option, a bad
 * value, a bad experiment config), 1 on failure (an unreadable collection, a failed task).
 */
@Command(name = "gaan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Cluster a music collection without labels: features, VAEs, clustering, evaluation and a report.",
        subcommands = {RunCommand.class, DemoCommand.class, FeaturesCommand.class, TrainCommand.class,
                ClusterCommand.class, ReportCommand.class, EdaCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  gaan run                                  # the three presets on the demo collection",
                "  gaan run --task easy --collection ~/music --out results-mine",
                "  gaan help cluster                         # the options of one command"})
public final class Main implements Runnable {
    @picocli.CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on an unexpected error, print the full stack trace")
    boolean debug;

    /** Columns of --help text. */
    static final int HELP_WIDTH = 110;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Wide enough that no path or option is broken across lines in an 80-column-free log or terminal.
        cl.setUsageHelpWidth(HELP_WIDTH);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("gaan: " + Failure.describe(e));
            if (debug(parsed)) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return e instanceof ConfigException ? 2 : 1;
        });
        // Every subcommand answers --version as gaan itself does.
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        return cl;
    }

    /** Whether --debug was given, at any level of the command line. */
    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gaan " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
