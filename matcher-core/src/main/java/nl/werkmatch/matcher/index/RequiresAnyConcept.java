package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;

/**
 * "The vacancy requires at least one of these concepts", for the skill floor of a vacancies query: a vacancy
 * requiring none of the profile's covered concepts has skills 0 and fails any floor above 0. The vacancies query's
 * counterpart of {@link SkillFloorTest}, read from the segment summary's required concepts instead of the postings:
 * a profile covers some 30 concepts, whose terms would otherwise be sought again in every segment of every query.
 */
final class RequiresAnyConcept implements DocPredicateQuery.Predicate {
    private final int[] concepts;
    private final FixedBitSet covered;

    RequiresAnyConcept(int[] concepts) {
        this.concepts = concepts.clone();
        int max = 0;
        for (int c : concepts) {
            max = Math.max(max, c);
        }
        this.covered = new FixedBitSet(max + 1);
        for (int c : concepts) {
            covered.set(c);
        }
    }

    @Override
    public DocPredicateQuery.LeafTest open(LeafReader reader) throws IOException {
        SegmentSummary summary = SegmentSummary.of(reader);
        int[] starts = summary.requiredStarts;
        int[] required = summary.requiredConcepts;
        if (starts == null) {
            return doc -> false;   // no vacancy of the segment requires anything
        }
        int limit = covered.length();
        return doc -> {
            for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                int c = required[i];
                if (c < limit && covered.get(c)) {
                    return true;
                }
            }
            return false;
        };
    }

    @Override
    public String describe() {
        return "requiresAny(" + concepts.length + "," + Arrays.hashCode(concepts) + ")";
    }
}
