package nl.werkmatch.matcher.evaluation;

/**
 * What came of putting a candidate forward for a vacancy, with its graded relevance for ranking metrics: a hire
 * is the best evidence that a match was right, a rejection is evidence that it was not.
 */
public enum OutcomeKind {
    /** The candidate was hired: relevance 3. */
    HIRED(3),
    /** The candidate was invited to an interview: relevance 2. */
    INTERVIEWED(2),
    /** The candidate was proposed to the employer: relevance 1. */
    PROPOSED(1),
    /** The candidate was turned down: relevance 0, the same as a pair with no outcome. */
    REJECTED(0);

    private final int grade;

    OutcomeKind(int grade) {
        this.grade = grade;
    }

    /** The graded relevance: 3, 2, 1 or 0. */
    public int grade() {
        return grade;
    }
}
