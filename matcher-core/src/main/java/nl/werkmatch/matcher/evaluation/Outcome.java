package nl.werkmatch.matcher.evaluation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One recorded outcome of a (profile, vacancy) pair, a line of an outcomes file
 * ({@code {"profile":"p-7","vacancy":"v-3","outcome":"HIRED","date":"2026-05-14"}}).
 *
 * @param date the day of the outcome, or null; when every outcome has one, tuning holds out the latest ones
 */
public record Outcome(String profile, String vacancy, OutcomeKind outcome, LocalDate date) {
    public Outcome {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(vacancy, "vacancy");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The graded relevance of the outcome (see {@link OutcomeKind#grade()}). */
    public int grade() {
        return outcome.grade();
    }
}
