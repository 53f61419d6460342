package gaan.cli;

import gaan.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code gaan} command. Exit status: 0 on success, 2 on bad usage (an unknown option, a bad
 * value, a bad experiment config), 1 on failure (an unreadable collection, a failed task).
 */
@Command(name = "gaan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Cluster a music collection without labels: features, VAEs, clustering, evaluation, report.",
        subcommands = {RunCommand.class, DemoCommand.class, FeaturesCommand.class, TrainCommand.class,
                ClusterCommand.class, ReportCommand.class, EdaCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("gaan: " + e.getMessage());
            return e instanceof ConfigException ? 2 : 1;
        });
        return cl;
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
