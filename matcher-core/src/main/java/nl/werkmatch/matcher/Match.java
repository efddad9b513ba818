package nl.werkmatch.matcher;

import java.util.Map;
import java.util.Objects;

import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.Explanation;

/**
 * One ranked match: the other side's id, the exact score, each component's contribution (weight times value;
 * they sum to the score) and, when asked for, the full explanation.
 *
 * @param movedUpByFairness on a page ranked under a fairness constraint, whether the constraint placed this match
 *                          higher than the plain ranking would; null on a plain page
 */
public record Match(String id, double score, Map<Component, Double> contributions, Explanation explanation,
                    Boolean movedUpByFairness) {
    public Match {
        Objects.requireNonNull(id, "id");
        contributions = Map.copyOf(contributions);
    }

    /** A match of a plain ranking. */
    public Match(String id, double score, Map<Component, Double> contributions, Explanation explanation) {
        this(id, score, contributions, explanation, null);
    }

    /** This match on a page ranked under a fairness constraint. */
    public Match withMovedUpByFairness(boolean movedUp) {
        return new Match(id, score, contributions, explanation, movedUp);
    }
}
