package nl.werkmatch.matcher.scoring;

import java.util.Locale;

/** The parts of the score; each contributes {@code weight * value}, with values in [0, 1]. */
public enum Component {
    /** How well the candidate's skills cover the required ones. */
    SKILLS,
    /** How well the candidate's Dutch (or English) meets the requirement. */
    LANGUAGE,
    /** How near the candidate lives. */
    DISTANCE,
    /** How the candidate's education level fits the job's. */
    LEVEL,
    /** Whether the candidate wants this kind of work. */
    PREFERENCE;

    /** The lower-case name used in JSON ({@code "skills"}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
