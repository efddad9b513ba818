package nl.werkmatch.matcher.index;

import nl.werkmatch.matcher.model.LanguageSkill;

/** Field names of the index documents, one place for both the encoder and the query compiler. */
final class Fields {
    static final String ID = "id";
    static final String JSON = "json";
    /** Profiles: one feature per covered concept, value = credit. */
    static final String SKILL = "skill";
    /** Vacancies: one feature per required concept, value = importance / total importance. */
    static final String REQ = "req";
    /** Vacancies: essential concept indexes, for the "covers every essential skill" filter. */
    static final String ESSENTIAL = "ess";
    /** LatLonPoint and LatLonDocValuesField, for distance filters and the distance feature. */
    static final String LOC = "loc";
    /** The exact coordinates as raw double bits, so filters compute the very distance the scorer does. */
    /** Z-order code of the point; the index is sorted by it. */
    static final String PLACE = "place";
    static final String LAT = "lat";
    static final String LON = "lon";
    static final String TRAVEL = "travel";
    static final String REMOTE = "remote";
    static final String ENGLISH = "eng";
    static final String EDUCATION = "edu";
    static final String AUTH = "auth";
    static final String PERMIT = "permit";
    static final String JOB_TYPE = "jt";
    static final String ANY_JOB_TYPE = "ANY";
    static final String REGION = "region";
    static final String HOURS_MIN = "hmin";
    static final String HOURS_MAX = "hmax";
    static final String AVAILABLE_FROM = "avail";
    static final String OPEN_FROM = "open_from";
    static final String OPEN_UNTIL = "open_until";
    static final String OCCUPATION = "occ";
    static final String ISCO_GROUP = "isco3";
    static final String SECTOR = "sector";
    static final String WANT = "want";
    static final String WANT_GROUP = "wantg";
    static final String WANT_SECTOR = "wants";
    static final String TRUE = "T";
    static final String FALSE = "F";

    /** Profiles: the candidate's level; vacancies: the effective (after support) requirement. Value: CEFR rank. */
    static String dutch(LanguageSkill skill) {
        return "nl_" + skill.fieldName();
    }

    private Fields() {
    }
}
