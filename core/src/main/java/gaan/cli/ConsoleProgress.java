package gaan.cli;

import java.io.PrintStream;

import gaan.experiment.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: lines for stages; for counted work a bar with rate and ETA on a terminal,
 * and otherwise (a log file, a pipe) a plain line at most every 10 % and one at the end, so logs
 * hold no carriage-return redraws.
 */
final class ConsoleProgress implements Progress {
    /** Width of the bar's whole line, so a long label and its detail never squeeze the bar away. */
    private static final int LINE_WIDTH = 150;

    private final PrintStream err;
    private final boolean terminal;

    /** Progress on this process's stderr, drawn as a bar when a person is watching the console. */
    ConsoleProgress() {
        this(System.err, System.console() != null);
    }

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void info(String message) {
        err.println(message);
    }

    @Override
    public void warn(String message) {
        err.println("warning: " + message);
    }

    @Override
    public Tracker start(String label, long total) {
        return terminal ? bar(label, total) : new Lines(label, total);
    }

    private Tracker bar(String label, long total) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err, LINE_WIDTH))
                .showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).setUpdateIntervalMillis(250).build();
        return new Tracker() {
            @Override
            public void step(String detail) {
                bar.step();
                if (detail != null) {
                    bar.setExtraMessage(" " + detail);
                }
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Plain lines: "label  30% (12/40, 3.1 s) detail" at each new tenth, and the count reached when closed. */
    private final class Lines implements Tracker {
        private final String label;
        private final long total;
        private final long start = System.nanoTime();
        private long done;
        private long printedTenth = -1;
        private long printedDone = -1;
        private String detail = "";

        Lines(String label, long total) {
            this.label = label;
            this.total = total;
        }

        @Override
        public void step(String detail) {
            done++;
            if (detail != null) {
                this.detail = " " + detail;
            }
            long tenth = total > 0 ? Math.min(10, done * 10 / total) : 0;
            if (tenth > printedTenth) {
                printedTenth = tenth;
                print();
            }
        }

        @Override
        public void close() {
            if (done != printedDone) {
                print();
            }
        }

        private void print() {
            printedDone = done;
            err.printf(java.util.Locale.ROOT, "%s %3d%% (%d/%d, %.1f s)%s%n", label,
                    total > 0 ? done * 100 / total : 100, done, total, (System.nanoTime() - start) / 1e9, detail);
        }
    }
}
