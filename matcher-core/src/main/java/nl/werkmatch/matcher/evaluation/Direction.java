package nl.werkmatch.matcher.evaluation;

/** Which way a ranking goes: the queries of one direction are vacancies, of the other profiles. */
public enum Direction {
    /** The best candidates for a vacancy: one query per vacancy with outcomes. */
    CANDIDATES("candidates for a vacancy"),
    /** The best vacancies for a profile: one query per profile with outcomes. */
    VACANCIES("vacancies for a profile");

    private final String description;

    Direction(String description) {
        this.description = description;
    }

    /** What the direction ranks, in words. */
    public String description() {
        return description;
    }
}
