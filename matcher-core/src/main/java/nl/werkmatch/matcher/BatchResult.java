package nl.werkmatch.matcher;

import java.util.List;

/**
 * The outcome of a batch upsert: how many were written and which were rejected, by their position in the batch.
 */
public record BatchResult(int written, List<Rejected> rejected) {
    /** Copies the rejects. */
    public BatchResult {
        rejected = List.copyOf(rejected);
    }

    /** An item of the batch that was not written, with every problem found in it. */
    public record Rejected(int index, String id, List<Problem> problems) {
        /** Copies the problems. */
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
