package nl.werkmatch.matcher.evaluation;

import java.util.List;
import java.util.Locale;

import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/**
 * What tuning found and what it is worth: the settings before and after, and the engine's figures with both on
 * the training and on the held-out outcomes (the baselines beside them).
 *
 * @param settingsTried how many settings the search scored on the pools
 * @param rounds rounds of the coordinate search
 * @param poolObjectiveBefore the objective on the training pools before (mean nDCG@k over the directions)
 * @param poolObjectiveAfter the same after: what the search saw; the engine's figures are the ones to trust
 */
public record TuningResult(RankingSettings before, RankingSettings after, EvaluationReport trainBefore,
                           EvaluationReport trainAfter, EvaluationReport heldOutBefore, EvaluationReport heldOutAfter,
                           int settingsTried, int rounds, double poolObjectiveBefore, double poolObjectiveAfter) {

    /** Whether the tuned settings rank the held-out outcomes better (mean nDCG@k over the directions). */
    public boolean improvesHeldOut() {
        return heldOutAfter.engineNdcg() > heldOutBefore.engineNdcg();
    }

    /** A table of nDCG@k and recall@k per direction, train and held out, as {@code werkmatch tune} prints it. */
    public String toText() {
        int k = trainBefore.k();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d settings tried in %d rounds; pool objective (mean nDCG@%d) %.4f -> %.4f%n",
                settingsTried, rounds, k, poolObjectiveBefore, poolObjectiveAfter));
        for (Direction d : Direction.values()) {
            EvaluationReport.DirectionFigures tb = trainBefore.direction(d);
            EvaluationReport.DirectionFigures hb = heldOutBefore.direction(d);
            b.append(String.format(Locale.ROOT, "%s (%,d training queries, %,d held out)%n", d.description(),
                    tb.queries(), hb.queries()));
            b.append(String.format(Locale.ROOT, "  %-16s %-24s %-24s %-24s %-24s%n", "", "train nDCG@" + k,
                    "held-out nDCG@" + k, "train recall@" + k, "held-out recall@" + k));
            for (String baseline : List.of(EvaluationReport.EXACT_OVERLAP, EvaluationReport.SKILLS_ONLY)) {
                line(b, baseline, trainBefore, heldOutBefore, d, baseline);
            }
            line(b, "before", trainBefore, heldOutBefore, d, EvaluationReport.ENGINE);
            line(b, "after", trainAfter, heldOutAfter, d, EvaluationReport.ENGINE);
        }
        b.append("weights before: ").append(weights(before.weights())).append('\n');
        b.append("weights after:  ").append(weights(after.weights())).append('\n');
        b.append("credits before: ").append(credits(before.similarity())).append('\n');
        b.append("credits after:  ").append(credits(after.similarity())).append('\n');
        b.append(improvesHeldOut()
                ? "The tuned settings rank the held-out outcomes better.\n"
                : "The tuned settings do not rank the held-out outcomes better; keep the current ones.\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String label, EvaluationReport train, EvaluationReport heldOut,
                             Direction d, String system) {
        EvaluationReport.DirectionFigures t = train.direction(d);
        EvaluationReport.DirectionFigures h = heldOut.direction(d);
        b.append(String.format(Locale.ROOT, "  %-16s %-24s %-24s %-24s %-24s%n", label,
                t.queries() == 0 ? "-" : t.system(system).ndcg(), h.queries() == 0 ? "-" : h.system(system).ndcg(),
                t.queries() == 0 ? "-" : t.system(system).recall(), h.queries() == 0 ? "-" : h.system(system).recall()));
    }

    static String weights(ScoringWeights w) {
        return String.format(Locale.ROOT, "skills %.3f, language %.3f, distance %.3f, level %.3f, preference %.3f",
                w.skills(), w.language(), w.distance(), w.level(), w.preference());
    }

    static String credits(SkillSimilarity.Config c) {
        return String.format(Locale.ROOT, "narrower %.3f, broader %.3f, sibling %.3f, related %.3f",
                c.narrower(), c.broader(), c.sibling(), c.related());
    }
}
