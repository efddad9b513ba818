package nl.werkmatch.matcher.model;


/** A Dutch level per language skill: what a candidate has, or what a vacancy requires. */
public record DutchLevels(Cefr listening, Cefr reading, Cefr speaking, Cefr writing) {

    public static final DutchLevels NONE = uniform(Cefr.NONE);

    /** Checks that every level is given. */
    public DutchLevels {
        Checks.present(listening, "listening");
        Checks.present(reading, "reading");
        Checks.present(speaking, "speaking");
        Checks.present(writing, "writing");
    }

    /** The same level for all four language skills. */
    public static DutchLevels uniform(Cefr level) {
        return new DutchLevels(level, level, level, level);
    }

    /** The level of one language skill. */
    public Cefr get(LanguageSkill skill) {
        return switch (skill) {
            case LISTENING -> listening;
            case READING -> reading;
            case SPEAKING -> speaking;
            case WRITING -> writing;
        };
    }
}
