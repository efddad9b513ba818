package nl.werkmatch.examples.http;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.json.MatchJson;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/** Candidates for a vacancy, vacancies for a profile, and matching a profile or vacancy that is not stored. */
final class MatchRoutes {
    private final RecordStore matcher;

    MatchRoutes(RecordStore matcher) {
        this.matcher = matcher;
    }

    void register(Router router) {
        router.get("/vacancies/{id}/candidates", Role.READ, this::candidates)
                .get("/profiles/{id}/vacancies", Role.READ, this::vacancies)
                .post("/match", Role.READ, this::match);
    }

    private Response candidates(Request request) {
        MatchRequest options = MatchOptions.fromQuery(request, matcher.regions());
        Labels labels = Labels.fromQuery(request, matcher.taxonomy());
        return Response.json(localized(labels, matcher.candidatesFor(request.pathParameter("id"), options)));
    }

    private Response vacancies(Request request) {
        MatchRequest options = MatchOptions.fromQuery(request, matcher.regions());
        Labels labels = Labels.fromQuery(request, matcher.taxonomy());
        ObjectNode json = localized(labels, matcher.vacanciesFor(request.pathParameter("id"), options));
        if (options.explain()) {
            addVacancyFacts(json, labels);
        }
        return Response.json(json);
    }

    private Response match(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJson();
        ObjectNode body = request.jsonObject(Limits.ONE_OBJECT);
        JsonNode profile = body.get("profile");
        JsonNode vacancy = body.get("vacancy");
        if ((profile == null) == (vacancy == null)) {
            throw ApiException.invalidInput("send exactly one of \"profile\" or \"vacancy\"",
                    List.of(new Problem(profile == null ? "profile" : "vacancy",
                            profile == null ? "give a profile or a vacancy" : "give a profile or a vacancy, not both")));
        }
        MatchRequest options = MatchOptions.fromBody(body, matcher.regions());
        String field = profile != null ? "profile" : "vacancy";
        try {
            if (profile != null) {
                Profile p = matcher.exchangeFormat().readProfile(profile);
                return answer(matcher.vacanciesFor(p, options));
            }
            Vacancy v = matcher.exchangeFormat().readVacancy(vacancy);
            return answer(matcher.candidatesFor(v, options));
        } catch (InvalidInputException e) {
            // The problems' paths are relative to the profile or vacancy; make them paths in this body.
            throw ApiException.invalidInput("the " + field + " has problems", e.problems().stream()
                    .map(p -> new Problem(p.path().isEmpty() ? field : field + "." + p.path(), p.message()))
                    .toList());
        }
    }

    /** The page with its explanations' labels in the {@code lang} parameter's language. */
    private static ObjectNode localized(Labels labels, MatchPage page) {
        ObjectNode json = MatchJson.toJson(page);
        labels.localizeMatches(json);
        return json;
    }

    /**
     * Adds {@code "vacancy":{"title","employer","occupation","occupationLabel"}} to each explained match, so that
     * a list of vacancies can be read without a request per vacancy (the explanation reads those records anyway).
     */
    private void addVacancyFacts(ObjectNode json, Labels labels) {
        for (JsonNode m : json.path("matches")) {
            matcher.vacancy(m.path("id").asText()).ifPresent(v -> {
                ObjectNode facts = ((ObjectNode) m).putObject("vacancy").put("title", v.title()).put("employer", v.employer());
                if (v.occupation() != null) {
                    facts.put("occupation", v.occupation()).put("occupationLabel", labels.occupation(v.occupation()));
                }
            });
        }
    }

    private static Response answer(MatchPage page) {
        return Response.json(MatchJson.toJson(page));
    }
}
