package nl.werkmatch.matcher.model;

/** How a skill claim is backed; stronger evidence earns more credit. INFERRED skills come from work experience in an occupation. */
public enum Evidence {
    DECLARED, ASSESSED, CERTIFIED, INFERRED
}
