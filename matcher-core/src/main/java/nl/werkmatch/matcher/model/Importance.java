package nl.werkmatch.matcher.model;

/** How much a vacancy needs a skill; weights 3, 2 and 1 in the skill score. */
public enum Importance {
    ESSENTIAL, IMPORTANT, OPTIONAL
}
