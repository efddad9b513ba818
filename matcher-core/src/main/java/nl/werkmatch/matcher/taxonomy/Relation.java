package nl.werkmatch.matcher.taxonomy;

/**
 * How a skill a candidate has ({@code q}) relates to a skill a vacancy requires ({@code r}) in
 * {@link SkillSimilarity}. When several relations hold with the same similarity, the earlier constant wins.
 */
public enum Relation {
    /** q and r are the same concept. */
    EXACT,
    /** q is below r in the hierarchy: the candidate has the specific skill, the vacancy asks the general one. */
    NARROWER,
    /** q is the direct parent of r: the candidate has the general skill, the vacancy asks a specific one. */
    BROADER,
    /** q and r share a direct parent. */
    SIBLING,
    /** q lists r as related, or r lists q. */
    RELATED,
    /** No relation within the bounded neighbourhood: similarity 0. */
    NONE;

    private static final Relation[] VALUES = values();

    static Relation ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
