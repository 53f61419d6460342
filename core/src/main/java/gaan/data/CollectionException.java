package gaan.data;

/** A collection that cannot be read at all: the message names the file or field at fault. */
public class CollectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CollectionException(String message) {
        super(message);
    }

    public CollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
