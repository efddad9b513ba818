package nl.werkmatch.matcher.scoring;

import java.util.Locale;

/** The parts of the score; each contributes {@code weight * value}, with values in [0, 1]. */
public enum Component {
    SKILLS, LANGUAGE, DISTANCE, LEVEL, PREFERENCE;

    /** The lower-case name used in JSON ({@code "skills"}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
