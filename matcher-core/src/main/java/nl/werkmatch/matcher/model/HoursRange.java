package nl.werkmatch.matcher.model;

import nl.werkmatch.matcher.InvalidInputException;

/** Hours per week, inclusive on both ends. */
public record HoursRange(int min, int max) {
    /** The most hours a week the format accepts. */
    public static final int MAX_HOURS = 60;
    public static final HoursRange ANY = new HoursRange(0, MAX_HOURS);

    /** Checks {@code 0 <= min <= max <= MAX_HOURS}. */
    public HoursRange {
        if (min < 0 || max > MAX_HOURS || min > max) {
            throw new InvalidInputException("hours", "must satisfy 0 <= min <= max <= " + MAX_HOURS + ", got " + min + "-" + max);
        }
    }

    /** Whether the two ranges share at least one hour. */
    public boolean overlaps(HoursRange other) {
        return nl.werkmatch.matcher.internal.Rules.hoursOverlap(min, max, other.min, other.max);
    }
}
