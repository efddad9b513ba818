package nl.werkmatch.matcher.advice;

import nl.werkmatch.matcher.InvalidInputException;

/**
 * What to advise on.
 *
 * @param minScore a vacancy is reachable when it passes every hard filter and scores at least this, in [0, 1]
 * @param limit    at most this many suggestions, 1..100
 * @param language the language of skill labels in summaries (an ISO 639 code the taxonomy has), or null for the
 *                 taxonomy's default language
 * @param occupation a wanted occupation's id (job seekers only): also look for a career step towards it
 *                 ({@link Advice#careerStep()}), or null
 */
public record AdviceRequest(double minScore, int limit, String language, String occupation) {
    /** The reachability threshold when none is given. */
    public static final double DEFAULT_MIN_SCORE = 0.5;
    /** How many suggestions an answer holds when no limit is given. */
    public static final int DEFAULT_LIMIT = 10;
    /** The largest limit. */
    public static final int MAX_LIMIT = 100;
    /** minScore 0.5, ten suggestions, the taxonomy's default language. */
    public static final AdviceRequest DEFAULT = new AdviceRequest(DEFAULT_MIN_SCORE, DEFAULT_LIMIT, null, null);

    /** Checks the ranges; throws InvalidInputException naming the field. */
    public AdviceRequest {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new InvalidInputException("minScore", "must be between 0 and 1, got " + minScore);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** A request without a career step. */
    public AdviceRequest(double minScore, int limit, String language) {
        this(minScore, limit, language, null);
    }

    /** The same request with another threshold. */
    public AdviceRequest withMinScore(double value) {
        return new AdviceRequest(value, limit, language, occupation);
    }

    /** The same request, also asking for a career step towards this occupation (an id of the taxonomy). */
    public AdviceRequest withOccupation(String occupationId) {
        return new AdviceRequest(minScore, limit, language, occupationId);
    }
}
