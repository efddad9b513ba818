package nl.werkmatch.matcher;

import java.util.Objects;

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
 */
public record DataDirectoryInfo(String taxonomyId, String taxonomyVersion, String fingerprint, String formatVersion,
                                int profiles, int vacancies) {
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

    /** "id vVERSION", as messages name a taxonomy. */
    public String taxonomy() {
        return taxonomyId + " v" + taxonomyVersion;
    }
}
