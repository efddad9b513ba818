package nl.werkmatch.matcher.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;

/**
 * A fairness constraint on a candidates page, after FA*IR (Zehlike et al., CIKM 2017): every prefix of length i of
 * the ranking holds at least m(i) candidates of the protected group, where m(i) is the {@code alpha}-quantile of
 * Binomial(i, {@code share}), without the paper's multiple-testing adjustment. Within the protected group and
 * within the rest the order stays by score; where too few protected candidates are eligible, all of them are placed.
 *
 * @param attribute the audit attribute that defines the group
 * @param value the attribute's value for the protected group (a gender as stored, an ISO country code, an age band
 *              such as {@code 25-34}); compared ignoring case
 * @param share the minimum target share p of the protected group, 0..1; 0 leaves the page as it is
 * @param alpha the significance of the test, strictly between 0 and 1 (0.1 is usual)
 */
public record Fairness(Attribute attribute, String value, double share, double alpha) {

    /** The audit attributes a constraint can be on. */
    public enum Attribute {
        GENDER("gender"), COUNTRY_OF_ORIGIN("countryOfOrigin"), AGE_BAND("ageBand");

        private final String jsonName;

        Attribute(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The name in JSON and query parameters. */
        public String jsonName() {
            return jsonName;
        }

        /** The attribute with this JSON name (or constant name), ignoring case. */
        public static Optional<Attribute> parse(String name) {
            for (Attribute a : values()) {
                if (a.jsonName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /** The age bands of the audit and of {@link Attribute#AGE_BAND}. */
    public static final List<String> AGE_BANDS = List.of("under 25", "25-34", "35-44", "45-54", "55+");

    public Fairness {
        List<Problem> problems = new ArrayList<>();
        if (attribute == null) {
            problems.add(new Problem("fairness.attribute", "required: one of " + Arrays.stream(Attribute.values())
                    .map(Attribute::jsonName).toList()));
        }
        if (value == null || value.isBlank()) {
            problems.add(new Problem("fairness.value", "required: the protected group's value"));
        } else if (attribute == Attribute.AGE_BAND && AGE_BANDS.stream().noneMatch(value.trim()::equalsIgnoreCase)) {
            problems.add(new Problem("fairness.value", "\"" + value + "\" is not an age band; one of " + AGE_BANDS));
        }
        if (!(share >= 0 && share <= 1)) {
            problems.add(new Problem("fairness.share", "must be between 0 and 1, got " + share));
        }
        if (!(alpha > 0 && alpha < 1)) {
            problems.add(new Problem("fairness.alpha", "must be strictly between 0 and 1, got " + alpha));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        value = value.trim();
    }

    /** Whether {@code candidateValue} (the candidate's value of the attribute, or null) is the protected value. */
    public boolean isProtected(String candidateValue) {
        return candidateValue != null && candidateValue.trim().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
    }
}
