package nl.werkmatch.matcher.geo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The look-up key for place and region names, so "SÚDWEST fryslan" finds "Súdwest-Fryslân". */
final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Names() {
    }

    /**
     * Strips diacritics, lowercases, and drops punctuation and whitespace altogether, so "Nuenen c.a." matches
     * "nuenen ca" and "Den Haag" matches "denhaag". Regions refuses data where two names share a key.
     */
    static String key(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_ALPHANUMERIC.matcher(bare).replaceAll("");
    }
}
