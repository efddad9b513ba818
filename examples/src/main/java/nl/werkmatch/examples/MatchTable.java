package nl.werkmatch.examples;

import java.io.PrintWriter;
import java.util.Locale;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.scoring.Component;

/** A page of matches as a table: rank, id, score, the five contributions, and a short why. */
final class MatchTable {
    private MatchTable() {
    }

    static void print(MatchPage page, PrintWriter out) {
        TextTable table = new TextTable("#", "id", "score", "skills", "lang", "dist", "level", "pref", "why")
                .alignRight(0, 2, 3, 4, 5, 6, 7);
        int rank = page.offset() + 1;
        for (Match m : page.matches()) {
            table.row(String.valueOf(rank++), m.id(), number(m.score()),
                    number(m, Component.SKILLS), number(m, Component.LANGUAGE), number(m, Component.DISTANCE),
                    number(m, Component.LEVEL), number(m, Component.PREFERENCE),
                    m.explanation() == null ? "" : Why.of(m.explanation()));
        }
        table.print(out);
    }

    private static String number(Match m, Component c) {
        return number(m.contributions().getOrDefault(c, 0.0));
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
