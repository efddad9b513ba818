package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.Suggestion;
import nl.werkmatch.matcher.advice.SuggestionKind;

/**
 * Turns considered changes of one record (a profile or a vacancy) into suggestions: each changed record's reachable
 * set is recounted exactly, compared with today's, and the changes that alter it are sorted by what they unlock.
 */
final class AdviceEvaluation {
    private static final int EXAMPLES = 3;

    /** A considered change: its kind, its words and the changed record. */
    record Change<T>(SuggestionKind kind, String summary, T changed) {
    }

    private AdviceEvaluation() {
    }

    /**
     * @param reach   the exact reachable set of each change (id to exact score)
     * @param ladders kinds whose changes come in increasing steps; a step that reaches exactly what the step before
     *                it reaches is left out
     */
    static <T> Advice evaluate(String id, AdviceRequest r, Map<String, Double> base, T original, List<Change<T>> changes,
                               Function<Change<T>, Map<String, Double>> reach, Function<T, JsonNode> json,
                               Set<SuggestionKind> ladders) {
        JsonNode before = json.apply(original);
        double bestBefore = best(base);
        List<Suggestion> out = new ArrayList<>();
        Map<String, Double> previousStep = null;
        SuggestionKind previousKind = null;
        for (Change<T> c : changes) {
            Map<String, Double> after = reach.apply(c);
            if (ladders.contains(c.kind())) {
                boolean same = c.kind() == previousKind && after.equals(previousStep);
                previousStep = after;
                previousKind = c.kind();
                if (same) {
                    continue;
                }
            }
            List<String> unlocked = new ArrayList<>();
            for (String key : after.keySet()) {
                if (!base.containsKey(key)) {
                    unlocked.add(key);
                }
            }
            int loses = 0;
            for (String key : base.keySet()) {
                if (!after.containsKey(key)) {
                    loses++;
                }
            }
            if (unlocked.isEmpty() && loses == 0) {
                continue;
            }
            unlocked.sort(Comparator.comparingDouble((String key) -> after.get(key)).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            out.add(new Suggestion(c.kind(), c.summary(), JsonPatches.diff(before, json.apply(c.changed())),
                    after.size(), unlocked.size(), loses, unlocked.subList(0, Math.min(EXAMPLES, unlocked.size())),
                    best(after) - bestBefore));
        }
        out.sort(Comparator.comparingInt(Suggestion::unlocks).reversed()
                .thenComparing(Comparator.comparingDouble(Suggestion::bestScoreGain).reversed())
                .thenComparing(Suggestion::loses)
                .thenComparing(Suggestion::kind)
                .thenComparing(Suggestion::summary));
        return new Advice(id, r.minScore(), base.size(), out.subList(0, Math.min(r.limit(), out.size())));
    }

    private static double best(Map<String, Double> reached) {
        return reached.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
