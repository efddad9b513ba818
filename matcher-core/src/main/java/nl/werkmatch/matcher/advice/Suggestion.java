package nl.werkmatch.matcher.advice;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One concrete change and its exact effect.
 *
 * @param kind      what sort of change
 * @param summary   the change in words a person understands
 * @param patch     an RFC 6902 JSON Patch (an array of operations) that applies the change to the record's
 *                  exchange-format JSON
 * @param reachable how many vacancies are reachable with the change
 * @param unlocks   reachable with the change and not before
 * @param loses     reachable before and not with the change (a recognised diploma can cost over-qualified matches)
 * @param examples  ids of the best newly reachable ones, best first, at most three
 * @param bestScoreGain how much the best reachable score rises with the change (negative when it falls; 0 when
 *                  nothing is reachable either way)
 */
public record Suggestion(SuggestionKind kind, String summary, JsonNode patch, int reachable, int unlocks, int loses,
                         List<String> examples, double bestScoreGain) {
    /** Copies the examples and the patch, so that a suggestion never changes. */
    public Suggestion {
        examples = List.copyOf(examples);
        patch = patch.deepCopy();
    }
}
