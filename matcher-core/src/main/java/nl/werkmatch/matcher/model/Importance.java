package nl.werkmatch.matcher.model;

/** How much a vacancy needs a skill; weights 3, 2 and 1 in the skill score. */
public enum Importance {
    /** Needed to do the job; weight 3. */
    ESSENTIAL,
    /** Expected; weight 2. */
    IMPORTANT,
    /** Welcome; weight 1. */
    OPTIONAL
}
