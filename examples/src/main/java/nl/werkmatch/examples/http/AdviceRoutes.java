package nl.werkmatch.examples.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.json.AdviceJson;
import nl.werkmatch.matcher.model.Profile;

/** Advice for a stored job seeker ({@code GET /profiles/{id}/advice}) and for one that is not stored ({@code POST /advice}). */
final class AdviceRoutes {
    private static final Set<String> QUERY = Set.of("minScore", "limit", "lang");
    private final Matcher matcher;

    AdviceRoutes(Matcher matcher) {
        this.matcher = matcher;
    }

    void register(Router router) {
        router.add("GET", "/profiles/{id}/advice", this::forStored)
                .add("POST", "/advice", this::forPosted);
    }

    private Response forStored(Request request) {
        request.allowQuery(QUERY);
        AdviceRequest options = build(request.queryDouble("minScore", 0, 1).orElse(AdviceRequest.DEFAULT_MIN_SCORE),
                request.queryInt("limit", 1, AdviceRequest.MAX_LIMIT).orElse(AdviceRequest.DEFAULT_LIMIT),
                request.query("lang").orElse(null), List.of());
        return Response.json(AdviceJson.toJson(matcher.adviseProfile(request.pathParameter("id"), options)));
    }

    private Response forPosted(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJson();
        ObjectNode body = request.jsonObject(Limits.ONE_OBJECT);
        List<Problem> problems = new ArrayList<>();
        double minScore = AdviceRequest.DEFAULT_MIN_SCORE;
        int limit = AdviceRequest.DEFAULT_LIMIT;
        String lang = null;
        JsonNode profile = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            JsonNode v = field.getValue();
            switch (field.getKey()) {
                case "profile" -> profile = v;
                case "minScore" -> {
                    if (v.isNumber() && v.doubleValue() >= 0 && v.doubleValue() <= 1) {
                        minScore = v.doubleValue();
                    } else {
                        problems.add(new Problem("minScore", "expected a number from 0 to 1, got " + v));
                    }
                }
                case "limit" -> {
                    if (v.canConvertToInt() && v.isIntegralNumber() && v.intValue() >= 1 && v.intValue() <= AdviceRequest.MAX_LIMIT) {
                        limit = v.intValue();
                    } else {
                        problems.add(new Problem("limit", "expected a whole number from 1 to " + AdviceRequest.MAX_LIMIT + ", got " + v));
                    }
                }
                case "lang" -> {
                    if (v.isTextual()) {
                        lang = v.textValue();
                    } else {
                        problems.add(new Problem("lang", "expected a language code, got " + v));
                    }
                }
                default -> problems.add(new Problem(field.getKey(), "unknown field; known: profile, minScore, limit, lang"));
            }
        }
        if (profile == null) {
            problems.add(new Problem("profile", "give the profile to advise"));
        }
        AdviceRequest options = build(minScore, limit, lang, problems);
        Profile p;
        try {
            p = matcher.exchangeFormat().readProfile(profile);
        } catch (InvalidInputException e) {
            throw ApiException.invalidInput("the profile has problems", e.problems().stream()
                    .map(x -> new Problem(x.path().isEmpty() ? "profile" : "profile." + x.path(), x.message())).toList());
        }
        try {
            return Response.json(AdviceJson.toJson(matcher.adviseProfile(p, options)));
        } catch (InvalidInputException e) {
            if (e.problems().get(0).path().equals("lang")) {
                throw e;
            }
            throw ApiException.invalidInput("the profile has problems", e.problems().stream()
                    .map(x -> new Problem("profile." + x.path(), x.message())).toList());
        }
    }

    /** The options, or a 400 listing every problem, including those found so far. */
    private AdviceRequest build(double minScore, int limit, String lang, List<Problem> problems) {
        List<Problem> all = new ArrayList<>(problems);
        if (lang != null && !matcher.taxonomy().languages().contains(lang)) {
            all.add(new Problem("lang", "the taxonomy has no labels in \"" + lang + "\"; it has "
                    + String.join(", ", new java.util.TreeSet<>(matcher.taxonomy().languages()))));
        }
        if (!all.isEmpty()) {
            throw ApiException.invalidInput("the advice options have problems", all);
        }
        return new AdviceRequest(minScore, limit, lang);
    }
}
