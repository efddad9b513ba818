package nl.werkmatch.matcher;

import java.util.List;

/** A page of matches, best first, starting at {@code offset} of the full ranking. */
public record MatchPage(List<Match> matches, int offset, int k) {
    /** Copies the matches. */
    public MatchPage {
        matches = List.copyOf(matches);
    }
}
