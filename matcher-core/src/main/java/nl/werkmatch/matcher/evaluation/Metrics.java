package nl.werkmatch.matcher.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ranking metrics of one query: a ranked list of ids and the graded relevance of the ids that have an outcome
 * (absent ids count 0). "Relevant" means a grade above 0.
 */
final class Metrics {
    private Metrics() {
    }

    /** Whether the query has anything to find; the metrics below are defined only then. */
    static boolean hasRelevant(Map<String, Integer> grades) {
        return grades.values().stream().anyMatch(g -> g > 0);
    }

    /** The share of the relevant ids that appear in the first {@code k} of the ranking. */
    static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) > 0) {
                found++;
            }
        }
        return (double) found / relevant;
    }

    /** 1 / the rank of the first relevant id in the ranking (ranks from 1), 0 when none is in it. */
    static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * nDCG@k with exponential gain: {@code DCG = sum_{i<k} (2^g_i - 1) / log2(i + 2)} over the ranking, divided by
     * the DCG of the best possible ranking of every graded id of the query (whether the engine found it or not).
     */
    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        int[] ideal = grades.values().stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(ideal);
        double best = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            best += gain(ideal[ideal.length - 1 - i]) / log2(i + 2);
        }
        return best == 0 ? 0 : dcg / best;
    }

    private static double gain(int grade) {
        return (1 << grade) - 1;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
