package nl.werkmatch.matcher.advice;

import java.util.Locale;

/** The kinds of change advice considers: the first eight for a job seeker, the rest (and HOURS) for an employer. */
public enum SuggestionKind {
    /** Learn one skill that reachable-by-the-filters vacancies ask for (with a certificate). */
    LEARN_SKILL,
    /** Reach the next Dutch level on one language skill. */
    DUTCH_LEVEL,
    /** Reach the next Dutch level on all four language skills. */
    DUTCH_ALL,
    /** Reach an English level. */
    ENGLISH_LEVEL,
    /** Get the diploma recognised. */
    DIPLOMA_RECOGNITION,
    /** Accept another job type. */
    JOB_TYPE,
    /** Accept wider hours (a job seeker) or offer them (an employer). */
    HOURS,
    /** Travel farther: the next of 10, 25, 40, 60 km. */
    TRAVEL_DISTANCE,
    /** Employer: ask one Dutch level lower on one language skill. */
    LOWER_DUTCH,
    /** Employer: offer language support on the work floor (each requirement counts a level lower). */
    LANGUAGE_SUPPORT,
    /** Employer: accept English at a level instead of the Dutch asked for. */
    ACCEPT_ENGLISH,
    /** Employer: make an essential skill important. */
    ESSENTIAL_TO_IMPORTANT,
    /** Employer: ask one education level lower. */
    LOWER_EDUCATION,
    /** Employer: sponsor a work permit (TWV), so that candidates who need one can apply. */
    SPONSOR_PERMIT;

    /** The name in JSON and on the command line: lower case with hyphens, e.g. {@code learn-skill}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
