package nl.werkmatch.examples.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.audit.Fairness;

/**
 * The fairness constraint of a candidates page from query parameters: {@code fairAttribute} (gender,
 * countryOfOrigin, ageBand), {@code fairValue}, {@code fairShare} and {@code fairAlpha} (default 0.1). None of them
 * means a plain page; some but not all of the first three is a clear error.
 */
final class FairnessParameters {
    static final Set<String> QUERY = Set.of("fairAttribute", "fairValue", "fairShare", "fairAlpha");
    static final double DEFAULT_ALPHA = 0.1;
    private static final Map<String, String> PARAMETER = Map.of("fairness.attribute", "fairAttribute",
            "fairness.value", "fairValue", "fairness.share", "fairShare", "fairness.alpha", "fairAlpha");

    private FairnessParameters() {
    }

    static Optional<Fairness> fromQuery(Request request) {
        Optional<String> attribute = request.query("fairAttribute");
        Optional<String> value = request.query("fairValue");
        Optional<Double> share = request.queryDouble("fairShare", 0, 1);
        Optional<String> alpha = request.query("fairAlpha");
        if (attribute.isEmpty() && value.isEmpty() && share.isEmpty() && alpha.isEmpty()) {
            return Optional.empty();
        }
        for (String name : List.of("fairAttribute", "fairValue", "fairShare")) {
            if (request.query(name).isEmpty()) {
                throw ApiException.badParameter(name, "required with the other fairness parameters "
                        + "(fairAttribute, fairValue, fairShare; fairAlpha is optional)");
            }
        }
        Fairness.Attribute a = Fairness.Attribute.parse(attribute.get().trim()).orElseThrow(() -> ApiException.badParameter(
                "fairAttribute", "\"" + attribute.get() + "\" is not an audit attribute; one of "
                        + Arrays.stream(Fairness.Attribute.values()).map(Fairness.Attribute::jsonName).toList()));
        double significance = request.queryDouble("fairAlpha", 0, 1).orElse(DEFAULT_ALPHA);
        try {
            return Optional.of(new Fairness(a, value.get(), share.get(), significance));
        } catch (InvalidInputException e) {
            Problem p = e.problems().get(0);
            throw ApiException.badParameter(PARAMETER.getOrDefault(p.path(), p.path()), p.message());
        }
    }
}
