package nl.werkmatch.matcher.index;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * Everything an {@link Engine} is built from; assembled by {@code Matcher.Builder}. Public for {@code Matcher}
 * only; this package is not exported.
 *
 * @param taxonomy        the skill taxonomy
 * @param regions         the geography
 * @param similarity      the similarity between skills
 * @param evidence        how much each kind of evidence counts
 * @param weights         the default scoring weights
 * @param directory       the data directory, or null for an in-memory engine
 * @param onMismatch      what to do with a directory made with other settings
 * @param progress        receives progress lines of long work
 * @param refreshInterval how soon writes become visible by themselves
 * @param clock           says which vacancies are open
 * @param executor        the embedder's executor for the background refresh and batch writers, or null for the
 *                        matcher's own threads
 * @param minSkillFit     the skill floor of requests that set none, 0..1
 */
public record EngineConfig(SkillTaxonomy taxonomy, Regions regions, SkillSimilarity similarity,
                           EvidenceWeights evidence, ScoringWeights weights, Path directory,
                           TaxonomyMismatch onMismatch, Consumer<String> progress, Duration refreshInterval,
                           Clock clock, ScheduledExecutorService executor, double minSkillFit) {
    /** Checks that every setting but the directory and the executor is given. */
    public EngineConfig {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(similarity, "similarity");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(onMismatch, "onMismatch");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(clock, "clock");
    }
}
