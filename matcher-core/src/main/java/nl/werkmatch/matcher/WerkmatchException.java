package nl.werkmatch.matcher;

/** The root of the exceptions this library throws for a caller's mistake or a storage problem. */
public class WerkmatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public WerkmatchException(String message) {
        super(message);
    }

    /** An exception with this message and cause. */
    public WerkmatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
