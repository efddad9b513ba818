package nl.werkmatch.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.allocation.Allocation;

/**
 * An {@link Allocation} as JSON, the same for {@code werkmatch allocate --json} and {@code POST /allocations}:
 * {@code {"day", "shortlists": [{"vacancy", "positions", "places", "candidates": [{"id", "score", "rank"}]}],
 * "unfilled": [...], "uninvited": [...], "metrics": {...}, "plain": {...}, "solver": {...}}}.
 */
public final class AllocationJson {
    private AllocationJson() {
    }

    /** The allocation as a JSON tree. */
    public static ObjectNode toJson(Allocation a) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("day", a.day().toString());
        ArrayNode lists = root.putArray("shortlists");
        for (Allocation.Shortlist s : a.shortlists()) {
            ObjectNode list = lists.addObject().put("vacancy", s.vacancy()).put("positions", s.positions())
                    .put("places", s.places());
            ArrayNode candidates = list.putArray("candidates");
            for (Allocation.Invitation i : s.candidates()) {
                candidates.addObject().put("id", i.candidate()).put("score", i.score()).put("rank", i.rank());
            }
        }
        ArrayNode unfilled = root.putArray("unfilled");
        for (Allocation.Unfilled u : a.unfilled()) {
            unfilled.addObject().put("vacancy", u.vacancy()).put("places", u.places()).put("filled", u.filled())
                    .put("eligible", u.eligible()).put("eligibleAtLeast", u.eligibleAtLeast())
                    .put("takenElsewhere", u.takenElsewhere()).put("reason", u.reason().name());
        }
        ArrayNode uninvited = root.putArray("uninvited");
        a.uninvited().forEach(uninvited::add);
        root.set("metrics", metrics(a.metrics()));
        root.set("plain", metrics(a.plain()));
        Allocation.Solver s = a.solver();
        root.putObject("solver").put("vacancies", s.vacancies()).put("consideredCandidates", s.consideredCandidates())
                .put("pairs", s.edges()).put("rounds", s.rounds()).put("proven", s.proven())
                .put("objective", s.objective()).put("upperBound", s.upperBound())
                .put("queryMillis", s.queryMillis()).put("solverMillis", s.solverMillis());
        return root;
    }

    private static ObjectNode metrics(Allocation.Metrics m) {
        return JsonNodeFactory.instance.objectNode().put("totalScore", m.totalScore())
                .put("invitations", m.invitations()).put("vacanciesWithCandidates", m.vacanciesWithCandidates())
                .put("candidatesInvited", m.candidatesInvited()).put("maxListsPerCandidate", m.maxListsPerCandidate())
                .put("gini", m.gini());
    }
}
