package nl.werkmatch.matcher.index;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * Everything an {@link Engine} is built from; assembled by {@code Matcher.Builder}.
 *
 * @param directory the data directory, or null for an in-memory engine
 */
public record EngineConfig(SkillTaxonomy taxonomy, Regions regions, SkillSimilarity similarity,
                           EvidenceWeights evidence, ScoringWeights weights, Path directory,
                           TaxonomyMismatch onMismatch, Consumer<String> progress, Duration refreshInterval,
                           Clock clock) {
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
