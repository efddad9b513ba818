package nl.werkmatch.matcher.model;

import java.util.Objects;

/** A candidate's education level and whether the diploma is recognised in the Netherlands. */
public record Education(EducationLevel level, boolean recognized) {
    public static final Education NONE = new Education(EducationLevel.NONE, false);

    public Education {
        Objects.requireNonNull(level, "level");
    }
}
