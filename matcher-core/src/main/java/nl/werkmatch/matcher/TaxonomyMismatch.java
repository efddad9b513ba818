package nl.werkmatch.matcher;

/** What to do when a data directory was indexed with another taxonomy (or other evidence weights). */
public enum TaxonomyMismatch {
    /** Re-index every stored document with the new taxonomy, reporting progress. */
    REBUILD,
    /** Refuse to open, with a {@link TaxonomyMismatchException} that says which taxonomy the directory holds. */
    FAIL
}
