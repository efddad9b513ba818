package nl.werkmatch.examples.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * What the web page reads besides the match routes: the vacancy search ({@code GET /vacancies?q=}) and a summary
 * of one vacancy or profile for people to read: the stored record with its labels in the asked language and its
 * place resolved to a municipality and region. A profile's summary leaves out the audit fields, whatever the key.
 * And {@code GET /session}: the name and roles of the caller's key.
 */
final class WorkbenchRoutes {
    static final int DEFAULT_LIMIT = 20;
    /** The most ids one {@code GET /labels} names: enough for a page of advice, small enough to answer at once. */
    static final int MAX_LABELS = 200;

    private final RecordStore matcher;
    private final VacancySearch search;

    WorkbenchRoutes(Matcher matcher, VacancySearch search) {
        this(RecordStore.of(matcher), search);
    }

    WorkbenchRoutes(RecordStore matcher, VacancySearch search) {
        this.matcher = matcher;
        this.search = search;
    }

    void register(Router router) {
        router.get("/vacancies", Role.READ, this::searchVacancies)
                .get("/vacancies/{id}/summary", Role.READ, this::vacancySummary)
                .get("/regions", Role.READ, this::regions)
                .get("/profiles/{id}/summary", Role.READ, this::profileSummary)
                .get("/session", Role.READ, this::session)
                .get("/labels", Role.READ, this::labels);
    }

    /**
     * Names for ids the page shows but has no record of, such as the skills and vacancies an advice names: skill
     * and occupation labels in the asked language and vacancy titles and employers. Ids nobody knows are left
     * out, so a page shows the id instead.
     */
    private Response labels(Request request) {
        request.allowQuery(Set.of("skill", "occupation", "vacancy", "lang"));
        Labels labels = Labels.fromQuery(request, matcher.taxonomy());
        List<String> skills = request.queryAll("skill");
        List<String> occupations = request.queryAll("occupation");
        List<String> vacancies = request.queryAll("vacancy");
        int asked = skills.size() + occupations.size() + vacancies.size();
        if (asked > MAX_LABELS) {
            throw ApiException.badParameter(skills.size() >= occupations.size() && skills.size() >= vacancies.size() ? "skill"
                    : occupations.size() >= vacancies.size() ? "occupation" : "vacancy",
                    "at most " + MAX_LABELS + " ids in all (skill, occupation and vacancy), got " + asked);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode skillLabels = answer.putObject("skills");
        skills.forEach(id -> put(skillLabels, id, labels.skill(id)));
        ObjectNode occupationLabels = answer.putObject("occupations");
        occupations.forEach(id -> put(occupationLabels, id, labels.occupation(id)));
        ObjectNode titles = answer.putObject("vacancies");
        for (String id : vacancies) {
            matcher.vacancy(id).ifPresent(v -> titles.putObject(id).put("title", v.title()).put("employer", v.employer()));
        }
        return Response.json(answer);
    }

    private static void put(ObjectNode target, String id, String label) {
        if (label != null) {
            target.put(id, label);
        }
    }

    /**
     * Who the page is signed in as: the key's name and roles (every role a key may hold grants read), so that the
     * page can say it and leave out what the key may not use. Never the token or its hash.
     */
    private Response session(Request request) {
        request.allowQuery(Set.of());
        Caller caller = request.caller();
        boolean keys = caller != Caller.LOCAL;
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("keys", keys);
        if (keys) {
            answer.put("key", caller.name());
        }
        ArrayNode roles = answer.putArray("roles");
        caller.roles().stream().sorted().map(Role::label).forEach(roles::add);
        return Response.json(answer);
    }

    private Response searchVacancies(Request request) {
        request.allowQuery(Set.of("q", "region", "limit", "lang"));
        String q = request.query("q").orElse("");
        if (q.length() > VacancySearch.MAX_QUERY_CHARS) {
            throw ApiException.badParameter("q", "at most " + VacancySearch.MAX_QUERY_CHARS + " characters, was " + q.length());
        }
        String region = request.query("region").filter(s -> !s.isBlank())
                .map(name -> matcher.regions().labourMarketRegion(name).map(LabourMarketRegion::name)
                        .orElseThrow(() -> ApiException.badParameter("region",
                                "\"" + name + "\" is not a labour market region (give its name, e.g. Groot Amsterdam)")))
                .orElse(null);
        int limit = request.queryInt("limit", 1, VacancySearch.MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Labels labels = Labels.fromQuery(request, matcher.taxonomy());
        if (!search.ready()) {
            throw ApiException.unavailable(search.notReadyReason() + "; try again in a few seconds", 2);
        }
        VacancySearch.Result result = search.search(q, region, limit);
        ObjectNode answer = JsonNodeFactory.instance.objectNode()
                .put("total", result.total())
                .put("totalExact", result.exact());
        ArrayNode hits = answer.putArray("hits");
        for (VacancySearch.Hit h : result.hits()) {
            ObjectNode hit = hits.addObject().put("id", h.id()).put("title", h.title()).put("employer", h.employer())
                    .put("occupation", h.occupation());
            if (h.occupation() != null) {
                hit.put("occupationLabel", labels.occupation(h.occupation()));
            }
            hit.put("municipality", h.municipality()).put("region", h.region()).put("jobType", h.jobType())
                    .put("positions", h.positions());
        }
        return Response.json(answer);
    }

    private Response regions(Request request) {
        request.allowQuery(Set.of());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode names = answer.putArray("regions");
        matcher.regions().labourMarketRegions().stream().map(LabourMarketRegion::name).sorted().forEach(names::add);
        return Response.json(answer);
    }

    private Response vacancySummary(Request request) {
        request.allowQuery(Set.of("lang"));
        Labels labels = Labels.fromQuery(request, matcher.taxonomy());
        String id = request.pathParameter("id");
        Vacancy v = matcher.vacancy(id).orElseThrow(() -> ApiException.notFound("no vacancy with id \"" + id + "\""));
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.set("vacancy", matcher.exchangeFormat().toJson(v));
        List<String> occupations = v.occupation() == null ? List.of() : List.of(v.occupation());
        labels.put(summary.putObject("labels"), v.skills().stream().map(SkillRequirement::id).toList(), occupations);
        place(summary, v.location());
        return Response.json(summary);
    }

    private Response profileSummary(Request request) {
        request.allowQuery(Set.of("lang"));
        Labels labels = Labels.fromQuery(request, matcher.taxonomy());
        String id = request.pathParameter("id");
        Profile p = matcher.profile(id).orElseThrow(() -> ApiException.notFound("no profile with id \"" + id + "\""));
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        ObjectNode profile = matcher.exchangeFormat().toJson(p);
        profile.remove("audit"); // gender, birth year and origin are for fairness reports, not for this page
        summary.set("profile", profile);
        List<String> occupations = new ArrayList<>();
        p.experience().stream().map(Experience::occupation).forEach(occupations::add);
        occupations.addAll(p.wantedOccupations());
        labels.put(summary.putObject("labels"), p.skills().stream().map(SkillClaim::id).toList(), occupations);
        place(summary, p.location());
        return Response.json(summary);
    }

    private void place(ObjectNode summary, Location location) {
        Optional<ResolvedLocation> place = location == null ? Optional.empty() : matcher.regions().resolve(location);
        place.ifPresent(r -> summary.putObject("place")
                .put("municipality", r.municipality().name())
                .put("municipalityCode", r.municipality().code())
                .put("region", r.region().name()));
    }
}
