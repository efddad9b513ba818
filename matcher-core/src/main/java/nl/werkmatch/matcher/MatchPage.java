package nl.werkmatch.matcher;

import java.util.List;
import java.util.OptionalInt;

/**
 * A page of matches, best first, starting at {@code offset} of the full ranking.
 *
 * @param total how many matches pass every hard and requested filter and {@code minScore}, counted exactly; empty
 *              unless the request asked for it ({@link MatchRequest#withTotal()})
 */
public record MatchPage(List<Match> matches, int offset, int k, OptionalInt total) {
    /** Copies the matches. */
    public MatchPage {
        matches = List.copyOf(matches);
        total = total == null ? OptionalInt.empty() : total;
    }

    /** A page without a total. */
    public MatchPage(List<Match> matches, int offset, int k) {
        this(matches, offset, k, OptionalInt.empty());
    }
}
