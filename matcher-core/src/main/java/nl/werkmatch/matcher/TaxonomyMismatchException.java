package nl.werkmatch.matcher;

/** A data directory was built with another taxonomy than the one given, and rebuilding was not allowed. */
public final class TaxonomyMismatchException extends WerkmatchException {
    private static final long serialVersionUID = 1L;

    /** An exception naming both taxonomies and what to do. */
    public TaxonomyMismatchException(String message) {
        super(message);
    }
}
