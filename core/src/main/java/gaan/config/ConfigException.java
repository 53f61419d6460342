package gaan.config;

/** A bad experiment configuration: the message names the field (as a path like {@code representations[1].latent}) or file. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
