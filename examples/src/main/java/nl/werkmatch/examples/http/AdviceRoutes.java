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
import nl.werkmatch.matcher.model.Vacancy;

/** Advice for a stored job seeker or vacancy ({@code GET /profiles/{id}/advice}, {@code /vacancies/{id}/advice}) and for a record that is not stored ({@code POST /advice}). */
final class AdviceRoutes {
    private static final Set<String> VACANCY_QUERY = Set.of("minScore", "limit", "lang");
    /** A job seeker's advice may also ask for a career step towards an occupation. */
    private static final Set<String> PROFILE_QUERY = Set.of("minScore", "limit", "lang", "occupation");
    private final Matcher matcher;

    AdviceRoutes(Matcher matcher) {
        this.matcher = matcher;
    }

    void register(Router router) {
        router.get("/profiles/{id}/advice", Role.READ, this::forStoredProfile)
                .get("/vacancies/{id}/advice", Role.READ, this::forStoredVacancy)
                .post("/advice", Role.READ, this::forPosted);
    }

    private Response forStoredProfile(Request request) {
        return Response.json(AdviceJson.toJson(matcher.adviseProfile(request.pathParameter("id"), fromQuery(request, PROFILE_QUERY))));
    }

    private Response forStoredVacancy(Request request) {
        return Response.json(AdviceJson.toJson(matcher.adviseVacancy(request.pathParameter("id"),
                fromQuery(request, VACANCY_QUERY))));
    }

    private AdviceRequest fromQuery(Request request, Set<String> known) {
        request.allowQuery(known);
        return build(request.queryDouble("minScore", 0, 1).orElse(AdviceRequest.DEFAULT_MIN_SCORE),
                request.queryInt("limit", 1, AdviceRequest.MAX_LIMIT).orElse(AdviceRequest.DEFAULT_LIMIT),
                request.query("lang").orElse(null), request.query("occupation").orElse(null), List.of());
    }

    private Response forPosted(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJson();
        ObjectNode body = request.jsonObject(Limits.ONE_OBJECT);
        List<Problem> problems = new ArrayList<>();
        double minScore = AdviceRequest.DEFAULT_MIN_SCORE;
        int limit = AdviceRequest.DEFAULT_LIMIT;
        String lang = null;
        String occupation = null;
        JsonNode profile = null;
        JsonNode vacancy = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            JsonNode v = field.getValue();
            switch (field.getKey()) {
                case "profile" -> profile = v;
                case "vacancy" -> vacancy = v;
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
                case "occupation" -> {
                    if (v.isTextual()) {
                        occupation = v.textValue();
                    } else {
                        problems.add(new Problem("occupation", "expected an occupation id, got " + v));
                    }
                }
                default -> problems.add(new Problem(field.getKey(),
                        "unknown field; known: profile, vacancy, minScore, limit, lang, occupation"));
            }
        }
        if ((profile == null) == (vacancy == null)) {
            problems.add(new Problem(profile == null ? "profile" : "vacancy",
                    profile == null ? "give a profile or a vacancy to advise" : "give a profile or a vacancy, not both"));
        }
        if (occupation != null && vacancy != null) {
            problems.add(new Problem("occupation", "a career step is advice for a job seeker, not for a vacancy"));
        }
        AdviceRequest options = build(minScore, limit, lang, occupation, problems);
        String field = profile != null ? "profile" : "vacancy";
        try {
            if (profile != null) {
                Profile p = matcher.exchangeFormat().readProfile(profile);
                return Response.json(AdviceJson.toJson(matcher.adviseProfile(p, options)));
            }
            Vacancy v = matcher.exchangeFormat().readVacancy(vacancy);
            return Response.json(AdviceJson.toJson(matcher.adviseVacancy(v, options)));
        } catch (InvalidInputException e) {
            // the problems' paths are relative to the record; make them paths in this body
            throw ApiException.invalidInput("the " + field + " has problems", e.problems().stream()
                    .map(x -> new Problem(x.path().isEmpty() ? field : field + "." + x.path(), x.message())).toList());
        }
    }

    /** The options, or a 400 listing every problem, including those found so far. */
    private AdviceRequest build(double minScore, int limit, String lang, String occupation, List<Problem> problems) {
        List<Problem> all = new ArrayList<>(problems);
        if (lang != null && !matcher.taxonomy().languages().contains(lang)) {
            all.add(new Problem("lang", "the taxonomy has no labels in \"" + lang + "\"; it has "
                    + String.join(", ", new java.util.TreeSet<>(matcher.taxonomy().languages()))));
        }
        if (occupation != null && matcher.taxonomy().occupationIndexOf(occupation) < 0) {
            all.add(new Problem("occupation", "unknown occupation \"" + occupation + "\""));
        }
        if (!all.isEmpty()) {
            throw ApiException.invalidInput("the advice options have problems", all);
        }
        return new AdviceRequest(minScore, limit, lang, occupation);
    }
}
