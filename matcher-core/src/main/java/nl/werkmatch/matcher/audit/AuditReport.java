package nl.werkmatch.matcher.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.werkmatch.matcher.advice.Advice;

/**
 * The result of an inclusion audit: who is never recommended and why, how recommendations are spread over groups,
 * how concentrated exposure is, and which open vacancies no one fits.
 *
 * <p>No row of {@link #groups} and no entry of {@link #neverRecommendedByRegion} counts fewer than
 * {@value #MIN_CELL} profiles: smaller values are merged into one {@link #OTHER} row (see {@link GroupRow}).
 *
 * @param request the day, k, minScore and region the audit used
 * @param vacancies how many open vacancies' lists were read
 * @param profiles how many profiles were audited
 * @param recommended how many of them are on at least one list
 * @param slots how many list places the audited profiles hold in all
 * @param neverRecommended every audited profile on no list, those advice can help most first (by
 *                         {@link NeverRecommendedReason#adviceOrder()}, then id): the order advice is given in
 * @param neverRecommendedByReason how many never-recommended profiles each reason has (every reason present)
 * @param neverRecommendedByRegion never-recommended profiles per labour market region, small counts merged
 * @param groups per attribute ({@code gender}, {@code ageBand}, {@code countryOfOrigin}, {@code inburgeringRoute},
 *               {@code educationLevel}, {@code workAuthorization}, {@code labourMarketRegion}) its rows
 * @param congestion how unevenly list places are spread
 * @param unfilledVacancies open vacancies (in the region, if one is given) with no eligible candidate at all
 * @param advice for how many never-recommended profiles and unfilled vacancies advice was computed
 */
public record AuditReport(Summary request, int vacancies, int profiles, int recommended, long slots,
                          List<NeverRecommended> neverRecommended,
                          Map<NeverRecommendedReason, Integer> neverRecommendedByReason,
                          List<Count> neverRecommendedByRegion,
                          Map<String, List<GroupRow>> groups, Congestion congestion,
                          List<UnfilledVacancy> unfilledVacancies, AdviceCoverage advice) {

    /** The smallest number of profiles a row may show on its own. */
    public static final int MIN_CELL = 10;
    /** The value of the row that holds the values with fewer than {@value #MIN_CELL} profiles each. */
    public static final String OTHER = "other (fewer than 10 each)";
    /** The value of profiles without the attribute. */
    public static final String UNKNOWN = "unknown";
    /** A group whose recommended rate is below this share of the best group's is flagged (the four-fifths rule). */
    public static final double FOUR_FIFTHS = 0.8;

    public AuditReport {
        Objects.requireNonNull(request, "request");
        neverRecommended = List.copyOf(neverRecommended);
        neverRecommendedByReason = Map.copyOf(neverRecommendedByReason);
        neverRecommendedByRegion = List.copyOf(neverRecommendedByRegion);
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        Objects.requireNonNull(congestion, "congestion");
        unfilledVacancies = List.copyOf(unfilledVacancies);
        Objects.requireNonNull(advice, "advice");
    }

    /** The settings an audit ran with. */
    public record Summary(LocalDate day, int k, double minScore, String region) {
    }

    /**
     * A profile on no list.
     *
     * @param eligible for how many open vacancies it passes every hard filter and reaches the minimum score (exact);
     *                 null when the audit was asked to leave the counts out ({@link AuditRequest#eligibleCounts()})
     * @param advice the person's advice with at most {@value AuditRequest#ADVICE_SUGGESTIONS} suggestions, or null
     *               when the audit advised others only ({@link AuditRequest#advice()})
     */
    public record NeverRecommended(String id, NeverRecommendedReason reason, Integer eligible, Advice advice) {
    }

    /**
     * For how many records advice was computed.
     *
     * @param minScore the threshold the advice counts reachable vacancies and candidates at
     * @param profiles never-recommended profiles with advice
     * @param vacancies unfilled vacancies with advice
     */
    public record AdviceCoverage(double minScore, int profiles, int vacancies) {
    }

    /** A value and how many profiles it has. */
    public record Count(String value, int count) {
    }

    /**
     * One value of an attribute.
     *
     * @param value the attribute's value, {@link #UNKNOWN}, or {@link #OTHER}
     * @param profiles how many audited profiles have it
     * @param recommended how many of them are on at least one list
     * @param slotShare their list places as a share of all list places (0 when there are none)
     * @param profileShare their share of the audited profiles
     * @param ratio their recommended rate divided by the highest rate of the rows shown, or null when no one is
     *              recommended
     * @param belowFourFifths whether the ratio is below {@link #FOUR_FIFTHS}
     */
    public record GroupRow(String value, int profiles, int recommended, double slotShare, double profileShare,
                           Double ratio, boolean belowFourFifths) {
        /** The share of the row's profiles on at least one list. */
        public double recommendedRate() {
            return profiles == 0 ? 0 : (double) recommended / profiles;
        }
    }

    /**
     * How list places are spread over the audited profiles.
     *
     * @param gini the Gini coefficient of exposure (0: everyone on as many lists; near 1: a few hold every place)
     * @param top1PercentShare the share of list places held by the most exposed 1% of profiles
     * @param top10PercentShare the same for the most exposed 10%
     * @param mostExposed the exposure of the most exposed profiles, highest first, without ids
     * @param lorenz the Lorenz curve: element i is the share of list places held by the least exposed i% of profiles
     */
    public record Congestion(double gini, double top1PercentShare, double top10PercentShare, List<Integer> mostExposed,
                             List<Double> lorenz) {
        public Congestion {
            mostExposed = List.copyOf(mostExposed);
            lorenz = List.copyOf(lorenz);
        }
    }

    /**
     * An open vacancy without a single eligible candidate. {@code region} is null for a remote one without a place;
     * {@code advice} (the employer's, at most {@value AuditRequest#ADVICE_SUGGESTIONS} suggestions) null when it was
     * not computed.
     */
    public record UnfilledVacancy(String id, String title, String region, Advice advice) {
    }
}
