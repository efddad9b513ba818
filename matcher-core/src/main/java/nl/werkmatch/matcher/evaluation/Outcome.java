package nl.werkmatch.matcher.evaluation;

import java.time.LocalDate;

import nl.werkmatch.matcher.InvalidInputException;

/**
 * One recorded outcome of a (profile, vacancy) pair, a line of an outcomes file
 * ({@code {"profile":"p-7","vacancy":"v-3","outcome":"HIRED","date":"2026-05-14"}}).
 *
 * @param date the day of the outcome, or null; when every outcome has one, tuning holds out the latest ones
 */
public record Outcome(String profile, String vacancy, OutcomeKind outcome, LocalDate date) {
    /** Checks that the profile, the vacancy and the outcome are given; throws InvalidInputException naming one. */
    public Outcome {
        required(profile, "profile");
        required(vacancy, "vacancy");
        required(outcome, "outcome");
    }

    private static void required(Object value, String name) {
        if (value == null) {
            throw new InvalidInputException(name, "missing (null)");
        }
    }

    /** The graded relevance of the outcome (see {@link OutcomeKind#grade()}). */
    public int grade() {
        return outcome.grade();
    }
}
