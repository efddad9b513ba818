package nl.werkmatch.examples.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.JobType;

/**
 * The options of a match, read from query parameters ({@code ?k=5&region=Groot+Amsterdam&region=...}) or from the
 * fields of a {@code POST /match} body ({@code "k":5,"regions":[...]}), with the names and bounds the OpenAPI
 * document gives. Bounds that involve two options (offset + k) are the library's to check.
 */
final class MatchOptions {
    static final int MAX_OFFSET = MatchRequest.MAX_WINDOW - 1;
    static final double MAX_KM = 1000;

    /** The query parameters of the two match routes. */
    static final Set<String> QUERY = Set.of("k", "offset", "withinKm", "explain", "minScore", "region", "jobType",
            "requireEssentialSkills", "ignoreTravelLimit", "maxLanguageGap", "lang", "fairAttribute", "fairValue",
            "fairShare", "fairAlpha", "minSkillFit", "total");

    /** The option fields of a POST /match body, besides "profile" or "vacancy". */
    static final Set<String> BODY = Set.of("k", "offset", "withinKm", "explain", "minScore", "regions", "jobTypes",
            "requireEssentialSkills", "ignoreTravelLimit", "minSkillFit", "total");

    private MatchOptions() {
    }

    static MatchRequest fromQuery(Request request, Regions regions) {
        request.allowQuery(QUERY);
        MatchRequest.Builder b = MatchRequest.builder();
        request.queryInt("k", 1, MatchRequest.MAX_K).ifPresent(b::k);
        request.queryInt("offset", 0, MAX_OFFSET).ifPresent(b::offset);
        request.queryDouble("withinKm", 0, MAX_KM).ifPresent(b::withinKm);
        request.queryBoolean("explain").ifPresent(b::explain);
        request.queryDouble("minScore", 0, 1).ifPresent(b::minScore);
        request.queryDouble("minSkillFit", 0, 1).ifPresent(b::minSkillFit);
        Set<String> names = new LinkedHashSet<>();
        for (String name : request.queryAll("region")) {
            names.add(region(regions, name).orElseThrow(() -> ApiException.badParameter("region", unknownRegion(name))));
        }
        b.labourMarketRegions(names);
        Set<JobType> types = EnumSet.noneOf(JobType.class);
        for (String type : request.queryAll("jobType")) {
            types.add(jobType(type).orElseThrow(() -> ApiException.badParameter("jobType", unknownJobType(type))));
        }
        b.jobTypes(types);
        request.queryBoolean("requireEssentialSkills").ifPresent(b::requireEssentialSkills);
        request.queryBoolean("ignoreTravelLimit").ifPresent(b::ignoreTravelLimit);
        request.queryInt("maxLanguageGap", 0, 6).ifPresent(b::maxLanguageGap);
        FairnessParameters.fromQuery(request).ifPresent(b::fairness);
        request.queryBoolean("total").ifPresent(b::withTotal);
        try {
            return b.build();
        } catch (InvalidInputException e) {
            Problem p = e.problems().get(0);
            throw ApiException.badParameter(p.path(), p.message());
        }
    }

    /** The options of a POST /match body; every problem is reported at its field. */
    static MatchRequest fromBody(ObjectNode body, Regions regions) {
        List<Problem> problems = new ArrayList<>();
        MatchRequest.Builder b = MatchRequest.builder();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode v = field.getValue();
            switch (name) {
                case "profile", "vacancy" -> { }
                case "k" -> integer(v, name, 1, MatchRequest.MAX_K, problems, b::k);
                case "offset" -> integer(v, name, 0, MAX_OFFSET, problems, b::offset);
                case "withinKm" -> number(v, name, 0, MAX_KM, problems, b::withinKm);
                case "minScore" -> number(v, name, 0, 1, problems, b::minScore);
                case "minSkillFit" -> number(v, name, 0, 1, problems, b::minSkillFit);
                case "explain" -> bool(v, name, problems, b::explain);
                case "requireEssentialSkills" -> bool(v, name, problems, b::requireEssentialSkills);
                case "ignoreTravelLimit" -> bool(v, name, problems, b::ignoreTravelLimit);
                case "total" -> bool(v, name, problems, b::withTotal);
                case "regions" -> {
                    Set<String> names = new LinkedHashSet<>();
                    strings(v, name, problems, (path, s) -> region(regions, s).ifPresentOrElse(names::add,
                            () -> problems.add(new Problem(path, unknownRegion(s)))));
                    b.labourMarketRegions(names);
                }
                case "jobTypes" -> {
                    Set<JobType> types = EnumSet.noneOf(JobType.class);
                    strings(v, name, problems, (path, s) -> jobType(s).ifPresentOrElse(types::add,
                            () -> problems.add(new Problem(path, unknownJobType(s)))));
                    b.jobTypes(types);
                }
                default -> problems.add(new Problem(name, "unknown field; known: profile, vacancy, "
                        + String.join(", ", BODY.stream().sorted().toList())));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidInput("the match options have problems", problems);
        }
        try {
            return b.build();
        } catch (InvalidInputException e) {
            throw ApiException.invalidInput("the match options have problems", e.problems());
        }
    }

    private static Optional<String> region(Regions regions, String name) {
        return regions.labourMarketRegion(name).map(LabourMarketRegion::name);
    }

    private static String unknownRegion(String name) {
        return "\"" + name + "\" is not a labour market region (give its name, e.g. Groot Amsterdam)";
    }

    private static Optional<JobType> jobType(String name) {
        try {
            return Optional.of(JobType.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String unknownJobType(String name) {
        return "\"" + name + "\" is not a job type; one of " + Arrays.toString(JobType.values());
    }

    private static void integer(JsonNode v, String path, int min, int max, List<Problem> problems, IntConsumer target) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            problems.add(new Problem(path, "must be a whole number from " + min + " to " + max));
        } else {
            target.accept(v.intValue());
        }
    }

    private static void number(JsonNode v, String path, double min, double max, List<Problem> problems,
            DoubleConsumer target) {
        if (!v.isNumber() || !(v.doubleValue() >= min && v.doubleValue() <= max)) {
            problems.add(new Problem(path, "must be a number from " + min + " to " + max));
        } else {
            target.accept(v.doubleValue());
        }
    }

    private static void bool(JsonNode v, String path, List<Problem> problems, Consumer<Boolean> target) {
        if (!v.isBoolean()) {
            problems.add(new Problem(path, "must be true or false"));
        } else {
            target.accept(v.booleanValue());
        }
    }

    private static void strings(JsonNode v, String path, List<Problem> problems, BiConsumer<String, String> each) {
        if (!v.isArray()) {
            problems.add(new Problem(path, "must be an array of strings"));
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = path + "[" + i + "]";
            if (item.isTextual()) {
                each.accept(at, item.asText());
            } else {
                problems.add(new Problem(at, "must be a string"));
            }
        }
    }
}
