package nl.werkmatch.matcher.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import nl.werkmatch.matcher.MatchRequest;

/**
 * The outcomes of one direction grouped by query: per vacancy (candidates) or per profile (vacancies), the grade
 * of every record of the other side that has an outcome. Only queries with at least one grade above 0 count:
 * with nothing to find, no ranking is better than another.
 */
final class GradedQueries {
    final Direction direction;
    /** The queries, sorted by id so that every run visits them in the same order. */
    final List<String> ids;
    final Map<String, Map<String, Integer>> grades;
    /** Outcomes inside the counted queries. */
    final int outcomes;
    /** Outcomes naming a record that is not in the data. */
    final int ignored;
    /** Per query, the day of its earliest dated outcome, when any is dated. */
    final Map<String, LocalDate> firstDay;

    private GradedQueries(Direction direction, List<String> ids, Map<String, Map<String, Integer>> grades, int outcomes,
                          int ignored, Map<String, LocalDate> firstDay) {
        this.firstDay = firstDay;
        this.direction = direction;
        this.ids = ids;
        this.grades = grades;
        this.outcomes = outcomes;
        this.ignored = ignored;
    }

    static GradedQueries of(Direction direction, List<Outcome> all, Predicate<String> profileExists,
                            Predicate<String> vacancyExists) {
        Map<String, Map<String, Integer>> byQuery = new HashMap<>();
        Map<String, LocalDate> firstDay = new HashMap<>();
        int ignored = 0;
        for (Outcome o : all) {
            if (!profileExists.test(o.profile()) || !vacancyExists.test(o.vacancy())) {
                ignored++;
                continue;
            }
            String query = direction == Direction.CANDIDATES ? o.vacancy() : o.profile();
            String other = direction == Direction.CANDIDATES ? o.profile() : o.vacancy();
            byQuery.computeIfAbsent(query, q -> new HashMap<>()).merge(other, o.grade(), Math::max);
            if (o.date() != null) {
                firstDay.merge(query, o.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<String> ids = new ArrayList<>();
        int outcomes = 0;
        for (Map.Entry<String, Map<String, Integer>> e : byQuery.entrySet()) {
            if (Metrics.hasRelevant(e.getValue())) {
                ids.add(e.getKey());
                outcomes += e.getValue().size();
            }
        }
        Collections.sort(ids);
        byQuery.keySet().retainAll(ids);
        firstDay.keySet().retainAll(ids);
        return new GradedQueries(direction, List.copyOf(ids), byQuery, outcomes, ignored, firstDay);
    }

    Map<String, Integer> grades(String query) {
        return grades.get(query);
    }

    /**
     * The request for one query: as given when it names a day ({@code openOn}); else as of the day of the
     * query's earliest dated outcome, so that a vacancy closed since is still ranked as it was then; else today.
     */
    MatchRequest request(MatchRequest base, String query) {
        LocalDate day = firstDay.get(query);
        return base.openOn() != null || day == null ? base : base.toBuilder().openOn(day).build();
    }
}
