package gaan.experiment;

/** Where a run reports what it is doing; the CLI prints to the terminal, tests stay quiet. */
public interface Progress {
    /** A line of what is happening now. */
    void info(String message);

    /** Something went wrong with one item but the run goes on. */
    void warn(String message);

    /** A counted piece of long work (tracks, epochs). */
    Tracker start(String label, long total);

    /** Progress of one counted piece of work. */
    interface Tracker extends AutoCloseable {
        void step(String detail);

        @Override
        void close();
    }

    Progress QUIET = new Progress() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public Tracker start(String label, long total) {
            return new Tracker() {
                @Override
                public void step(String detail) {
                }

                @Override
                public void close() {
                }
            };
        }
    };
}
