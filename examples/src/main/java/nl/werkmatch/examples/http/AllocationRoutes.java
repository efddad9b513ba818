package nl.werkmatch.examples.http;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.examples.AllocationJson;
import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.allocation.Allocation;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.allocation.AllocationRequest;

/**
 * {@code POST /allocations}: shortlists for the vacancies of a scope under capacities, beside the plain way. One
 * allocation runs at a time (it uses every core, and a large region takes seconds); a second request meanwhile is
 * answered 409.
 */
final class AllocationRoutes {
    /** The fields of the request body. */
    static final Set<String> FIELDS = Set.of("regions", "municipalities", "vacancies", "perPosition",
            "maxPerCandidate", "minScore", "day", "priorityForUnseen", "maxCandidatesPerVacancy");
    /** The most scope entries a body may list (ids, regions, municipalities together). */
    static final int MAX_SCOPE_ENTRIES = 20_000;

    private final Function<AllocationRequest, Allocation> allocator;
    private final Semaphore running = new Semaphore(1);

    AllocationRoutes(Matcher matcher) {
        this(matcher::allocate);
    }

    /** Routes that allocate with the given function (tests hold an allocation open with it). */
    AllocationRoutes(Function<AllocationRequest, Allocation> allocator) {
        this.allocator = allocator;
    }

    void register(Router router) {
        router.post("/allocations", Role.READ, this::allocate);
    }

    private Response allocate(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJson();
        ObjectNode body = request.jsonObject(Limits.ONE_OBJECT);
        AllocationRequest r = fromBody(body);
        if (!running.tryAcquire()) {
            throw ApiException.conflict("an allocation is already running; ask again when it is done");
        }
        try {
            return Response.json(AllocationJson.toJson(allocator.apply(r)));
        } finally {
            running.release();
        }
    }

    /** The request of a body; every problem is reported at its field. */
    static AllocationRequest fromBody(ObjectNode body) {
        List<Problem> problems = new ArrayList<>();
        AllocationRequest.Builder b = AllocationRequest.builder();
        int[] entries = {0};
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode v = field.getValue();
            switch (name) {
                case "regions" -> strings(v, name, problems, entries, b::region);
                case "municipalities" -> strings(v, name, problems, entries, b::municipality);
                case "vacancies" -> strings(v, name, problems, entries, b::vacancy);
                case "perPosition" -> integer(v, name, problems, b::perPosition);
                case "maxPerCandidate" -> integer(v, name, problems, b::maxPerCandidate);
                case "minScore" -> number(v, name, problems, b::minScore);
                case "priorityForUnseen" -> number(v, name, problems, b::priorityForUnseen);
                case "maxCandidatesPerVacancy" -> integer(v, name, problems, b::maxCandidatesPerVacancy);
                case "day" -> {
                    if (!v.isTextual()) {
                        problems.add(new Problem(name, "must be a date as \"YYYY-MM-DD\""));
                    } else {
                        try {
                            b.day(LocalDate.parse(v.asText().strip()));
                        } catch (DateTimeParseException e) {
                            problems.add(new Problem(name, "\"" + v.asText() + "\" is not a date as YYYY-MM-DD"));
                        }
                    }
                }
                default -> problems.add(new Problem(name, "unknown field; known: "
                        + String.join(", ", FIELDS.stream().sorted().toList())));
            }
        }
        if (entries[0] > MAX_SCOPE_ENTRIES) {
            problems.add(new Problem("vacancies", "the scope lists " + entries[0] + " entries; at most "
                    + MAX_SCOPE_ENTRIES));
        }
        AllocationRequest built = null;
        try {
            built = b.build();
        } catch (InvalidInputException e) {
            // Range checks of the fields that were well-typed, beside the type problems found above.
            Set<String> seen = new java.util.HashSet<>();
            problems.forEach(p -> seen.add(p.path()));
            e.problems().stream().filter(p -> !seen.contains(p.path())
                    && !(p.path().equals("regions") && body.has("regions"))).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidInput("the allocation request has problems", problems);
        }
        return built;
    }

    private static void strings(JsonNode v, String path, List<Problem> problems, int[] entries, Consumer<String> each) {
        if (!v.isArray()) {
            problems.add(new Problem(path, "must be an array of strings"));
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isTextual() && !item.asText().isBlank()) {
                entries[0]++;
                if (entries[0] <= MAX_SCOPE_ENTRIES) {
                    each.accept(item.asText());
                }
            } else {
                problems.add(new Problem(path + "[" + i + "]", "must be a non-empty string"));
            }
        }
    }

    private static void integer(JsonNode v, String path, List<Problem> problems, java.util.function.IntConsumer target) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(new Problem(path, "must be a whole number"));
        } else {
            target.accept(v.intValue());
        }
    }

    private static void number(JsonNode v, String path, List<Problem> problems,
            java.util.function.DoubleConsumer target) {
        if (!v.isNumber()) {
            problems.add(new Problem(path, "must be a number"));
        } else {
            target.accept(v.doubleValue());
        }
    }
}
