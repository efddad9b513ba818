package nl.werkmatch.matcher.advice;

import java.util.List;

/**
 * The advice for one profile: how many vacancies are reachable today and the changes that would reach more.
 *
 * @param id          the profile's id
 * @param minScore    the threshold reachability was counted at
 * @param reachable   open vacancies that pass every hard filter for this person and score at least minScore
 * @param suggestions single changes, most vacancies unlocked first (ties: the larger gain in the best score)
 * @param careerStep  for a job seeker's advice that names a wanted occupation ({@link AdviceRequest#occupation()}):
 *                    the smallest set of skills that opens one of its vacancies; null when none was asked for or
 *                    none exists within three skills
 */
public record Advice(String id, double minScore, int reachable, List<Suggestion> suggestions, CareerStep careerStep) {
    /** Copies the list. */
    public Advice {
        suggestions = List.copyOf(suggestions);
    }

    /** Advice without a career step. */
    public Advice(String id, double minScore, int reachable, List<Suggestion> suggestions) {
        this(id, minScore, reachable, suggestions, null);
    }

    /** The same advice with a career step (or null). */
    public Advice withCareerStep(CareerStep step) {
        return new Advice(id, minScore, reachable, suggestions, step);
    }
}
