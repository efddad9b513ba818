package nl.werkmatch.matcher.audit;

import java.time.LocalDate;
import java.time.ZoneId;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.MatchRequest;

/**
 * What an inclusion audit looks at: the vacancies open on {@code day}, each vacancy's top {@code k} candidates at
 * or above {@code minScore}, and the profiles of one labour market region (or all).
 *
 * @param day the day the vacancies must be open on
 * @param k how many candidates per vacancy count as recommended, 1..{@value MatchRequest#MAX_K}
 * @param minScore a match below this score is not a recommendation, 0..1
 * @param region the labour market region whose profiles (and vacancies, for the unfilled ones) are audited, or
 *               null for the whole country; every open vacancy's list is still read, since people are recommended
 *               across region borders
 * @param threads how many queries run at once, at least 1
 * @param eligibleCounts whether the report gives, for each never-recommended profile, the open vacancies it is
 *                       eligible for (exact; the audit counts them in any case, one pruned pass per open vacancy, to
 *                       find who is eligible anywhere, so leaving them out saves no time)
 * @param advice for how many never-recommended profiles to compute advice (its top
 *               {@value #ADVICE_SUGGESTIONS} suggestions), 0..{@value #MAX_ADVICE}: those whose reason advice can
 *               help most first (see {@link NeverRecommendedReason#adviceOrder()}), ties by id. Each costs one
 *               {@code Matcher.adviseProfile}; the unfilled vacancies get the employer's advice up to
 *               {@value #MAX_VACANCY_ADVICE} of them (by id) whenever {@code advice} is above 0
 * @param progress receives the progress of the audit
 */
public record AuditRequest(LocalDate day, int k, double minScore, String region, int threads, boolean eligibleCounts,
                           int advice, AuditProgress progress) {
    public static final int DEFAULT_K = 20;
    /** How many never-recommended profiles get advice when the request does not say. */
    public static final int DEFAULT_ADVICE = 100;
    /** The most never-recommended profiles one audit advises. */
    public static final int MAX_ADVICE = 100_000;
    /** The most unfilled vacancies one audit advises (by id). */
    public static final int MAX_VACANCY_ADVICE = 200;
    /** How many suggestions each advised record keeps. */
    public static final int ADVICE_SUGGESTIONS = 3;
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    public AuditRequest {
        if (day == null) {
            throw new InvalidInputException("day", "missing (null)");
        }
        if (progress == null) {
            throw new InvalidInputException("progress", "missing (null)");
        }
        if (k < 1 || k > MatchRequest.MAX_K) {
            throw new InvalidInputException("k", "must be between 1 and " + MatchRequest.MAX_K + ", got " + k);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new InvalidInputException("minScore", "must be between 0 and 1, got " + minScore);
        }
        if (threads < 1) {
            throw new InvalidInputException("threads", "must be at least 1, got " + threads);
        }
        if (advice < 0 || advice > MAX_ADVICE) {
            throw new InvalidInputException("advice", "must be between 0 and " + MAX_ADVICE + ", got " + advice);
        }
        if (region != null && region.isBlank()) {
            region = null;
        }
    }

    /**
     * A builder with the defaults: today in the Netherlands, k 20, no minimum score, the whole country, every core,
     * eligible counts, advice for {@value #DEFAULT_ADVICE} never-recommended profiles.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AuditRequest}. */
    public static final class Builder {
        private LocalDate day;
        private int k = DEFAULT_K;
        private double minScore;
        private String region;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean eligibleCounts = true;
        private int advice = DEFAULT_ADVICE;
        private AuditProgress progress = AuditProgress.NONE;

        private Builder() {
        }

        /** The day the audited vacancies are open on; default today in the Netherlands. */
        public Builder day(LocalDate value) { this.day = value; return this; }
        /** How many candidates per vacancy count as recommended; default 20. */
        public Builder k(int value) { this.k = value; return this; }
        /** The lowest score that counts as a recommendation; default 0. */
        public Builder minScore(double value) { this.minScore = value; return this; }
        /** Audit only the profiles of this labour market region (by name); default the whole country. */
        public Builder region(String value) { this.region = value; return this; }
        /** How many queries run at once; default the number of cores. */
        public Builder threads(int value) { this.threads = value; return this; }
        /** Whether to count each never-recommended profile's eligible vacancies; default true. */
        public Builder eligibleCounts(boolean value) { this.eligibleCounts = value; return this; }
        /**
         * For how many never-recommended profiles to compute advice; default {@value AuditRequest#DEFAULT_ADVICE};
         * 0 turns advice off (for the unfilled vacancies too).
         */
        public Builder advice(int value) { this.advice = value; return this; }
        /** Receives progress; default none. */
        public Builder progress(AuditProgress value) { this.progress = value; return this; }

        /** The request; throws {@link InvalidInputException} naming the field when a setting is out of range. */
        public AuditRequest build() {
            return new AuditRequest(day != null ? day : LocalDate.now(NETHERLANDS), k, minScore, region, threads,
                    eligibleCounts, advice, progress);
        }
    }
}
