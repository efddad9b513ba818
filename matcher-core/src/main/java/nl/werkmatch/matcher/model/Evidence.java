package nl.werkmatch.matcher.model;

/** How a skill claim is backed; stronger evidence earns more credit. INFERRED skills come from work experience in an occupation. */
public enum Evidence {
    /** The person says so. */
    DECLARED,
    /** A consultant or a test has seen it. */
    ASSESSED,
    /** A certificate or diploma shows it. */
    CERTIFIED,
    /** Derived from work experience in an occupation. */
    INFERRED
}
