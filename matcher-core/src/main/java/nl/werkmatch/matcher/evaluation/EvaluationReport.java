package nl.werkmatch.matcher.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The figures of an evaluation: per direction and per ranking system (the engine and the baselines), recall@k,
 * MRR (over the whole depth read) and nDCG@k, each a mean over the queries with its bootstrap 95% interval.
 *
 * @param k the cut-off of recall and nDCG
 * @param depth how deep each ranking was read (the cut-off of MRR)
 */
public record EvaluationReport(int k, int depth, List<DirectionFigures> directions) {

    /** The engine's ranking. */
    public static final String ENGINE = "engine";
    /** The engine with skills weight 1 and nothing else. */
    public static final String SKILLS_ONLY = "skills only";
    /** Ranking by the share of the vacancy's required skills the profile declares exactly. */
    public static final String EXACT_OVERLAP = "exact overlap";

    public EvaluationReport {
        directions = List.copyOf(directions);
    }

    /** A mean and its 95% interval. */
    public record Interval(double mean, double low, double high) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", mean, low, high);
        }
    }

    /** One system's figures in one direction. */
    public record SystemFigures(String system, Interval recall, Interval mrr, Interval ndcg) {
    }

    /**
     * What a skill floor would do to the engine's ranking: the share of the entries of its top k whose skills
     * component is below the floor, and recall@k and nDCG@k when entries below the floor are dropped from the
     * ranking (read to the depth) before the top k is taken.
     */
    public record FloorFigures(double floor, double shareBelow, Interval recall, Interval ndcg) {
    }

    /**
     * One direction's figures.
     *
     * @param queries the queries evaluated: records with at least one outcome above REJECTED
     * @param outcomes the outcomes these queries hold
     * @param ignoredOutcomes outcomes naming a profile or vacancy that is not in the data
     * @param systems the engine first, then the baselines when computed
     * @param floors one per skill floor asked for (empty when the engine's skills weight is 0)
     */
    public record DirectionFigures(Direction direction, int queries, int outcomes, int ignoredOutcomes,
                                   List<SystemFigures> systems, List<FloorFigures> floors) {
        public DirectionFigures {
            Objects.requireNonNull(direction, "direction");
            systems = List.copyOf(systems);
            floors = List.copyOf(floors);
        }

        /** The figures of a system by name ({@link #ENGINE}, {@link #SKILLS_ONLY}, {@link #EXACT_OVERLAP}). */
        public SystemFigures system(String name) {
            return systems.stream().filter(s -> s.system().equals(name)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no figures for " + name));
        }
    }

    /** The figures of one direction. */
    public DirectionFigures direction(Direction d) {
        return directions.stream().filter(x -> x.direction() == d).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no figures for " + d));
    }

    /** The mean nDCG@k of the engine over both directions (each direction weighs the same): what tuning maximises. */
    public double engineNdcg() {
        return directions.stream().filter(d -> d.queries() > 0).mapToDouble(d -> d.system(ENGINE).ndcg().mean())
                .average().orElse(Double.NaN);
    }

    /** A table per direction, as {@code werkmatch evaluate} prints it. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (DirectionFigures d : directions) {
            b.append(String.format(Locale.ROOT, "%s: %,d queries, %,d outcomes", d.direction().description(),
                    d.queries(), d.outcomes()));
            if (d.ignoredOutcomes() > 0) {
                b.append(String.format(Locale.ROOT, " (%,d more name records not in the data and were left out)",
                        d.ignoredOutcomes()));
            }
            b.append('\n');
            if (d.queries() == 0) {
                b.append("  nothing to evaluate: no record has an outcome above REJECTED\n");
                continue;
            }
            b.append(String.format(Locale.ROOT, "  %-16s %-24s %-24s %-24s%n", "", "recall@" + k, "MRR@" + depth,
                    "nDCG@" + k));
            for (SystemFigures s : d.systems()) {
                b.append(String.format(Locale.ROOT, "  %-16s %-24s %-24s %-24s%n", s.system(), s.recall(), s.mrr(),
                        s.ndcg()));
            }
            for (FloorFigures f : d.floors()) {
                b.append(String.format(Locale.ROOT, "  skill floor %.2f: %5.1f%% of the engine's top-%d entries are below it;"
                        + " with it recall@%d %s, nDCG@%d %s%n", f.floor(), 100 * f.shareBelow(), k, k, f.recall(), k,
                        f.ndcg()));
            }
        }
        return b.toString();
    }
}
