package nl.werkmatch.matcher;

/** A profile, vacancy, skill or occupation id that is not there. */
public final class NotFoundException extends WerkmatchException {
    private static final long serialVersionUID = 1L;

    /** An exception saying what was not found. */
    public NotFoundException(String message) {
        super(message);
    }
}
