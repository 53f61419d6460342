package gaan.features;

/** A feature store that is missing, incomplete or inconsistent; the message names the file. */
public final class FeatureStoreException extends RuntimeException {
    public FeatureStoreException(String message) {
        super(message);
    }

    public FeatureStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
