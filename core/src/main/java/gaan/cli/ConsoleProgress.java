package gaan.cli;

import java.io.PrintStream;

import gaan.experiment.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress on stderr: lines for stages, a bar with rate and ETA for counted work. */
final class ConsoleProgress implements Progress {
    private final PrintStream err = System.err;

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
        ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
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
}
