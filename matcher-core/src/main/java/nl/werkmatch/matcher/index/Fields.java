package nl.werkmatch.matcher.index;

/** Field names of the index documents, one place for both the encoder and the query compiler. */
final class Fields {
    static final String ID = "id";
    static final String JSON = "json";
    /** The compact form of the prepared document (binary doc values): rescoring decodes it instead of the JSON. */
    static final String FORM = "form";
    /** Small facts packed in one number (see {@link Attributes}): Dutch and English levels, education, etc. */
    static final String ATTRS = "attrs";
    /** Profiles: one feature per covered concept, value = credit. */
    static final String SKILL = "skill";
    /** Vacancies: one feature per required concept, value = importance / total importance. */
    static final String REQ = "req";
    /** Vacancies: essential concept indexes, for the "covers every essential skill" filter. */
    static final String ESSENTIAL = "ess";
    /** Z-order code of the point; the index is sorted by it. */
    static final String PLACE = "place";
    /** The exact coordinates as raw double bits: the distance score, and filters that compute the scorer's km. */
    static final String LAT = "lat";
    static final String LON = "lon";
    /** Profiles: own travel limit in km, -1 for none. */
    static final String TRAVEL = "travel";
    /** Profiles: first available day (epoch day, Long.MIN_VALUE for none). */
    static final String AVAILABLE_FROM = "avail";
    /** Vacancies: open from / until (epoch days, Long.MIN_VALUE / Long.MAX_VALUE for none). */
    static final String OPEN_FROM = "open_from";
    static final String OPEN_UNTIL = "open_until";
    /** Vacancies: T or F, a term for the "remote or near" filter and the remote distance credit. */
    static final String REMOTE = "remote";
    static final String REGION = "region";
    /** Vacancies: occupation index, ISCO minor group, sector; profiles: the same of the wanted occupations. */
    static final String OCCUPATION = "occ";
    static final String ISCO_GROUP = "isco3";
    static final String SECTOR = "sector";
    static final String WANT = "want";
    static final String WANT_GROUP = "wantg";
    static final String WANT_SECTOR = "wants";
    static final String TRUE = "T";
    static final String FALSE = "F";

    private Fields() {
    }
}
