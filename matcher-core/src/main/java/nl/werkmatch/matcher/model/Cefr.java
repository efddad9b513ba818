package nl.werkmatch.matcher.model;

/** A CEFR language level; {@link #NONE} means no command of the language at all. */
public enum Cefr {
    /** No command of the language. */
    NONE,
    /** Breakthrough. */
    A1,
    /** Waystage. */
    A2,
    /** Threshold: the level of the B1 inburgering route. */
    B1,
    /** Vantage. */
    B2,
    /** Effective operational proficiency. */
    C1,
    /** Mastery. */
    C2;

    /** 0 for NONE, 1 for A1, ... 6 for C2: the distance between two levels is a difference of ranks. */
    public int rank() {
        return ordinal();
    }

    /** The level one step lower, never below NONE. */
    public Cefr lower() {
        return this == NONE ? NONE : values()[ordinal() - 1];
    }

    /** The level of a rank (0 for NONE to 6 for C2). */
    public static Cefr ofRank(int rank) {
        return values()[Math.max(0, Math.min(rank, C2.ordinal()))];
    }
}
