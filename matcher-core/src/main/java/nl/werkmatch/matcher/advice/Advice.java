package nl.werkmatch.matcher.advice;

import java.util.List;

/**
 * The advice for one profile: how many vacancies are reachable today and the changes that would reach more.
 *
 * @param id          the profile's id
 * @param minScore    the threshold reachability was counted at
 * @param reachable   open vacancies that pass every hard filter for this person and score at least minScore
 * @param suggestions single changes, most vacancies unlocked first (ties: the larger gain in the best score)
 */
public record Advice(String id, double minScore, int reachable, List<Suggestion> suggestions) {
    /** Copies the list. */
    public Advice {
        suggestions = List.copyOf(suggestions);
    }
}
