package nl.werkmatch.matcher.scoring;

import java.util.Map;
import java.util.Objects;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * The exact score of one (profile, vacancy) pair: {@code sum_c w_c * f_c(p, v)} with every {@code f_c} in [0, 1],
 * the definition the matcher ranks by (its Lucene engine computes the same sum with pruning, then rescores its best
 * hits with this definition). For callers that score or explain pairs themselves, stored or not.
 *
 * <ul>
 * <li>skills: {@code sum_r share(r) * credit(p, r)} with {@code share(r) = imp(r) / sum_r imp(r)}, imp 3/2/1 for
 *     essential/important/optional, and {@code credit(p, r) = max_q sim(q, r) * evidence(q)}; 0 when the vacancy
 *     lists no skills. Shares and credits are rounded down to 9 significant bits, the precision the index keeps, so
 *     the engine's pruned ranking equals a full scan. A profile covers at most
 *     {@link EvidenceWeights#maxCoveredSkills()} concepts, its strongest credits; others count 0.</li>
 * <li>language: the mean over listening, reading, speaking, writing of 1 (no gap), 0.5 (one level short) or 0;
 *     language support lowers each requirement a level; an accepted English level stands in for all four</li>
 * <li>distance: {@code pivot / (pivot + km)}, 1 for remote work</li>
 * <li>level: 1 when the job asks no level, or the candidate is at it or one step above; over-qualification costs
 *     0.25 per further step (down to 0.25), one step under 0.5, more 0</li>
 * <li>preference: 1 for a wanted occupation, 0.5 for one in the same ISCO minor group or sector, else 0</li>
 * </ul>
 *
 * <p>Hard filters (work authorization, hours, travel limits, ...) are not part of the score: a pair that a matcher
 * would never return still has one. A pure function of its inputs; thread-safe.
 */
public final class PairScorer {
    private final Scorer scorer;

    /**
     * A scorer for one taxonomy, similarity, evidence weights and geography; the records it scores must be valid
     * against them (see {@code Matcher.validate}).
     */
    public PairScorer(SkillTaxonomy taxonomy, SkillSimilarity similarity, EvidenceWeights evidence, Regions regions) {
        this.scorer = new Scorer(Objects.requireNonNull(taxonomy, "taxonomy"), Objects.requireNonNull(similarity,
                "similarity"), Objects.requireNonNull(evidence, "evidence"), Objects.requireNonNull(regions, "regions"));
    }

    /** The taxonomy that skill and occupation ids refer to. */
    public SkillTaxonomy taxonomy() {
        return scorer.taxonomy();
    }

    /** The similarity between skills that gives credit for a related skill. */
    public SkillSimilarity similarity() {
        return scorer.similarity();
    }

    /** How much each kind of evidence and each year of experience counts. */
    public EvidenceWeights evidenceWeights() {
        return scorer.evidenceWeights();
    }

    /** The geography places are resolved in. */
    public Regions regions() {
        return scorer.regions();
    }

    /**
     * The exact score in [0, 1].
     *
     * @throws nl.werkmatch.matcher.InvalidInputException when a record names a skill, occupation or place this
     *                                                    scorer does not know
     */
    public double score(Profile profile, Vacancy vacancy, ScoringWeights weights) {
        return Scorer.score(scorer.prepare(profile), scorer.prepare(vacancy), Objects.requireNonNull(weights, "weights"));
    }

    /** Each component's contribution (its weight times its value); they sum to {@link #score}. */
    public Map<Component, Double> contributions(Profile profile, Vacancy vacancy, ScoringWeights weights) {
        return Scorer.contributions(scorer.prepare(profile), scorer.prepare(vacancy),
                Objects.requireNonNull(weights, "weights"));
    }

    /** The score with every component and the reasons behind it: skills covered and how, language, place, level. */
    public Explanation explain(Profile profile, Vacancy vacancy, ScoringWeights weights) {
        return scorer.explain(scorer.prepare(profile), scorer.prepare(vacancy), Objects.requireNonNull(weights, "weights"));
    }
}
