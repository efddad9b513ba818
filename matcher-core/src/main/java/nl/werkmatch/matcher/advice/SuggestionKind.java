package nl.werkmatch.matcher.advice;

import java.util.Locale;

/** The kinds of change advice considers for a job seeker. */
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
    /** Accept wider hours. */
    HOURS,
    /** Travel farther: the next of 10, 25, 40, 60 km. */
    TRAVEL_DISTANCE;

    /** The name in JSON and on the command line: lower case with hyphens, e.g. {@code learn-skill}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
