package nl.werkmatch.matcher.scoring;

import nl.werkmatch.matcher.InvalidInputException;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much each component counts, and the distance at which the distance score halves. Weights are
 * non-negative and sum to 1, so every score lies in [0, 1]. Query-time only: a request may bring its own.
 *
 * @param distancePivotKm the distance at which the distance component is 0.5 ({@code pivot / (pivot + km)})
 */
public record ScoringWeights(double skills, double language, double distance, double level, double preference,
                             double distancePivotKm) {

    /** Skills first, then language and place; level and preference break near-ties. */
    public static final ScoringWeights DEFAULT = new ScoringWeights(0.50, 0.20, 0.15, 0.05, 0.10, 10.0);

    /** Checks that each weight lies in [0, 1], they sum to 1 and the pivot is sensible. */
    public ScoringWeights {
        double[] w = {skills, language, distance, level, preference};
        double sum = 0;
        for (double x : w) {
            if (!(x >= 0 && x <= 1)) {
                throw new InvalidInputException("weights", "each weight must lie in [0, 1], got " + x);
            }
            sum += x;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new InvalidInputException("weights", "weights must sum to 1, got " + sum + " (use ScoringWeights.normalized)");
        }
        if (!(distancePivotKm > 0 && distancePivotKm <= 1000)) {
            throw new InvalidInputException("weights.distancePivotKm", "must lie in (0, 1000], got " + distancePivotKm);
        }
    }

    /** Weights in any proportion, scaled to sum to 1. */
    public static ScoringWeights normalized(double skills, double language, double distance, double level,
                                            double preference, double distancePivotKm) {
        double sum = skills + language + distance + level + preference;
        if (!(sum > 0)) {
            throw new InvalidInputException("weights", "at least one weight must be positive");
        }
        return new ScoringWeights(skills / sum, language / sum, distance / sum, level / sum, preference / sum,
                distancePivotKm);
    }

    /** The weight of one component. */
    public double weight(Component c) {
        return switch (c) {
            case SKILLS -> skills;
            case LANGUAGE -> language;
            case DISTANCE -> distance;
            case LEVEL -> level;
            case PREFERENCE -> preference;
        };
    }

    /** Every component's weight, in component order. */
    public Map<Component, Double> asMap() {
        Map<Component, Double> m = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            m.put(c, weight(c));
        }
        return m;
    }
}
