package nl.werkmatch.examples;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import nl.werkmatch.matcher.allocation.Allocation;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Shortlists as CSV that a spreadsheet opens as it is: a UTF-8 byte order mark (so accents survive), a header,
 * one row per invitation (vacancy, title, employer, candidate, score, rank), RFC 4180 quoting, CRLF line ends, and
 * text cells that a spreadsheet would run as a formula (starting with = + - @) prefixed with an apostrophe.
 */
final class ShortlistCsv {
    static final String HEADER = "vacancy,title,employer,candidate,score,rank";

    private ShortlistCsv() {
    }

    static void write(Allocation a, Function<String, Optional<Vacancy>> vacancies, Writer out) throws IOException {
        out.write('\uFEFF');
        out.write(HEADER + "\r\n");
        for (Allocation.Shortlist s : a.shortlists()) {
            Optional<Vacancy> v = vacancies.apply(s.vacancy());
            String title = v.map(Vacancy::title).orElse("");
            String employer = v.map(Vacancy::employer).orElse("");
            for (Allocation.Invitation i : s.candidates()) {
                out.write(String.join(",", cell(s.vacancy()), cell(title), cell(employer), cell(i.candidate()),
                        String.format(Locale.ROOT, "%.4f", i.score()), Integer.toString(i.rank())));
                out.write("\r\n");
            }
        }
    }

    /** One text cell, quoted when it holds a comma, quote or line break, and defused when it looks like a formula. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String s = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || !s.equals(s.strip())) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
