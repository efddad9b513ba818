package nl.werkmatch.matcher.audit;

/**
 * Why a profile is on no vacancy's list, checked in this order: the first that holds is the reason.
 */
public enum NeverRecommendedReason {
    /** It passes every hard filter and reaches the minimum score for some open vacancy, but others rank higher. */
    OUTRANKED,
    /** It passes every hard filter for some open vacancy, but never reaches the minimum score. */
    BELOW_MIN_SCORE,
    /** Its work authorization is NOT_ALLOWED: no vacancy may take it. */
    NOT_ALLOWED_TO_WORK,
    /** It would pass every hard filter somewhere if the allowed Dutch gap were wider. */
    LANGUAGE_GAP,
    /** It would pass every hard filter somewhere if it travelled beyond its own limit. */
    TRAVEL_LIMIT,
    /** It would pass only with both a wider Dutch gap and travel beyond its own limit. */
    LANGUAGE_GAP_AND_TRAVEL_LIMIT,
    /**
     * It shows too little skill evidence (below the matcher's skill floor) for every open vacancy that passes the
     * other hard filters for it, possibly besides a Dutch gap or travel limit.
     */
    SKILL_FLOOR,
    /**
     * No open vacancy passes the other hard filters for it, whatever the language gap, travel limit and skill
     * floor: work authorization (permit required and no sponsor), job types, hours or availability.
     */
    OTHER_HARD_FILTERS;

    /**
     * Where a profile with this reason stands when the audit picks whom to advise, lowest first: no vacancy is
     * reachable yet but a change of the person's own (Dutch, travel, skills, hours, job types) can open one, before
     * the outranked (who are eligible somewhere already), and last those not allowed to work, whom no change of
     * their own helps.
     */
    public int adviceOrder() {
        return switch (this) {
            case LANGUAGE_GAP -> 0;
            case TRAVEL_LIMIT -> 1;
            case LANGUAGE_GAP_AND_TRAVEL_LIMIT -> 2;
            case SKILL_FLOOR -> 3;
            case BELOW_MIN_SCORE -> 4;
            case OTHER_HARD_FILTERS -> 5;
            case OUTRANKED -> 6;
            case NOT_ALLOWED_TO_WORK -> 7;
        };
    }
}
