package nl.werkmatch.matcher;

/** The root of the exceptions this library throws for a caller's mistake or a storage problem. */
public class WerkmatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WerkmatchException(String message) {
        super(message);
    }

    public WerkmatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
