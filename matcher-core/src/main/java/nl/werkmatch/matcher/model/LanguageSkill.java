package nl.werkmatch.matcher.model;

/** The four language skills in which a Dutch level is given separately (inburgering tests them apart). */
public enum LanguageSkill {
    /** Listening. */
    LISTENING,
    /** Reading. */
    READING,
    /** Speaking. */
    SPEAKING,
    /** Writing. */
    WRITING;

    /** The JSON field name of this skill. */
    public String fieldName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
