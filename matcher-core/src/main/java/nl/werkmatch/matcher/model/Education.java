package nl.werkmatch.matcher.model;


/** A candidate's education level and whether the diploma is recognised in the Netherlands. */
public record Education(EducationLevel level, boolean recognized) {
    public static final Education NONE = new Education(EducationLevel.NONE, false);

    /** Checks that the level is given. */
    public Education {
        Checks.present(level, "level");
    }
}
