package nl.werkmatch.matcher;

import java.util.Map;
import java.util.Objects;

import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.Explanation;

/**
 * One ranked match: the other side's id, the exact score, each component's contribution (weight times value;
 * they sum to the score) and, when asked for, the full explanation.
 */
public record Match(String id, double score, Map<Component, Double> contributions, Explanation explanation) {
    /** Checks that the id and contributions are given and copies the contributions. */
    public Match {
        Objects.requireNonNull(id, "id");
        contributions = Map.copyOf(contributions);
    }
}
