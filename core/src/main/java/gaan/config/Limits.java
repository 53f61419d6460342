package gaan.config;

/**
 * Upper bounds of the config's sizes, so a typo stops the run with a message naming the field
 * instead of a native-thread OutOfMemoryError or a libtorch allocation failure hours later.
 */
final class Limits {
    static final int MAX_EPOCHS = 100_000;
    static final String EPOCHS_WHY = "early stopping ends training long before";
    static final int MAX_BATCH = 65_536;
    static final String BATCH_WHY = "a larger batch exceeds any collection's tracks";
    static final int MAX_LATENT = 4096;
    static final String LATENT_WHY = "a wider latent space than the inputs learns nothing more";
    static final String THREADS_WHY = "four per core; more only wait on each other";

    private Limits() {
    }

    /** Four threads per core. */
    static int maxThreads() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }
}
