package nl.werkmatch.matcher.allocation;

/** Told how far an allocation is; called from the allocating threads, so it must be thread-safe and quick. */
@FunctionalInterface
public interface AllocationProgress {
    /** Does nothing. */
    AllocationProgress NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being done ("ranking candidates", "solving", "widening")
     * @param done how many of {@code total} are done
     * @param total the size of this stage's work
     */
    void update(String stage, int done, int total);
}
