package nl.werkmatch.matcher.model;

/**
 * Facts kept only for fairness reports (who is never recommended). Scoring never reads them.
 * Every field is optional.
 */
public record Audit(String gender, Integer birthYear, String countryOfOrigin) {
    public static final Audit EMPTY = new Audit(null, null, null);
}
