package nl.werkmatch.matcher;

import java.util.Objects;
import java.util.Optional;

import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/**
 * What a data directory holds, read from its last commit by {@link Matcher#inspect(java.nio.file.Path)} without
 * opening it for writing.
 *
 * @param taxonomyId      the id of the taxonomy the documents were indexed with
 * @param taxonomyVersion that taxonomy's version
 * @param fingerprint     the fingerprint of everything the index depends on (index format, taxonomy structure,
 *                        evidence weights, similarity); a matcher built with other settings has another one
 * @param formatVersion   the version of the index format
 * @param profiles        the number of profiles committed
 * @param vacancies       the number of vacancies committed
 * @param similarity      the similarity credits the documents were indexed with, or null when the directory was last
 *                        committed by a version that did not record them
 * @param evidence        the evidence weights the documents were indexed with, or null as for {@code similarity}
 */
public record DataDirectoryInfo(String taxonomyId, String taxonomyVersion, String fingerprint, String formatVersion,
                                int profiles, int vacancies, SkillSimilarity.Config similarity,
                                EvidenceWeights evidence) {
    /** Checks that no text is missing and no count is negative. */
    public DataDirectoryInfo {
        Objects.requireNonNull(taxonomyId, "taxonomyId");
        Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(formatVersion, "formatVersion");
        if (profiles < 0 || vacancies < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /**
     * The similarity credits and evidence weights the documents were indexed with, as ranking settings with the
     * default component weights (those are not part of the index); empty when the directory did not record them.
     * A matcher built with {@code Matcher.builder().ranking(...)} of these opens the directory without a mismatch
     * (given the same taxonomy).
     */
    public Optional<RankingSettings> indexSettings() {
        return similarity == null || evidence == null ? Optional.empty()
                : Optional.of(RankingSettings.DEFAULT.withSimilarity(similarity).withEvidence(evidence));
    }

    /** "id vVERSION", as messages name a taxonomy. */
    public String taxonomy() {
        return taxonomyId + " v" + taxonomyVersion;
    }
}
