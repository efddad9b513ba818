package nl.werkmatch.matcher.audit;

/**
 * Receives the progress of an audit: which step it is in and how far along. Called from the thread that runs
 * the audit, a few times per second at most.
 */
@FunctionalInterface
public interface AuditProgress {
    /** Ignores progress. */
    AuditProgress NONE = (step, done, total) -> { };

    /**
     * @param step what is being done, in English ("reading profiles", "ranking candidates", "explaining who is never
     *             recommended")
     * @param done how many items of this step are done
     * @param total how many items the step has
     */
    void update(String step, long done, long total);
}
