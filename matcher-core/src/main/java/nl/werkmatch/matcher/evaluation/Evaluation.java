package nl.werkmatch.matcher.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Measures how well a matcher ranks the pairs that led somewhere: per direction, recall@k, MRR and nDCG@k of
 * the engine over the records that have outcomes, with bootstrap 95% intervals, beside two baselines computed in
 * the same run: {@link EvaluationReport#EXACT_OVERLAP} and {@link EvaluationReport#SKILLS_ONLY}.
 *
 * <pre>{@code
 * EvaluationReport report = Evaluation.run(matcher, OutcomesFile.read(path), EvaluationOptions.DEFAULT);
 * System.out.print(report.toText());
 * }</pre>
 *
 * <p>Uses only the public API of {@link Matcher}: each query is one {@code candidatesFor} or {@code vacanciesFor}
 * call with the given filters, read {@code depth} deep.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Evaluates the matcher's ranking on the outcomes. Outcomes naming records not in the matcher are left out
     * and counted in the report.
     */
    public static EvaluationReport run(Matcher matcher, List<Outcome> outcomes, EvaluationOptions options) {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(options, "options");
        options.progress().accept("reading the skills of every record for the exact-overlap baseline");
        ExactOverlap overlap = new ExactOverlap(matcher, options.seed());
        ScoringWeights engineWeights = options.weights() != null ? options.weights() : matcher.weights();
        ScoringWeights skillsOnly = skillsOnly(engineWeights);
        List<EvaluationReport.DirectionFigures> directions = new ArrayList<>();
        for (Direction d : Direction.values()) {
            GradedQueries queries = GradedQueries.of(d, outcomes, overlap::hasProfile, overlap::hasVacancy);
            directions.add(direction(matcher, overlap, queries, engineWeights, skillsOnly, options));
        }
        return new EvaluationReport(options.k(), options.depth(), directions);
    }

    /** Weights that rank by the skills component alone, with the same distance pivot. */
    static ScoringWeights skillsOnly(ScoringWeights w) {
        return new ScoringWeights(1, 0, 0, 0, 0, w.distancePivotKm());
    }

    /** The engine's ranking for one query, read {@code request.k()} deep. */
    static List<Match> rank(Matcher matcher, Direction direction, String query, MatchRequest request) {
        return (direction == Direction.CANDIDATES
                ? matcher.candidatesFor(query, request)
                : matcher.vacanciesFor(query, request)).matches();
    }

    static MatchRequest request(EvaluationOptions options, ScoringWeights weights, int depth) {
        return options.request().toBuilder().k(depth).offset(0).explain(false).weights(weights).build();
    }

    private static EvaluationReport.DirectionFigures direction(Matcher matcher, ExactOverlap overlap,
                                                               GradedQueries queries, ScoringWeights engineWeights,
                                                               ScoringWeights skillsOnly, EvaluationOptions options) {
        int n = queries.ids.size();
        int k = options.k();
        List<Double> floors = engineWeights.skills() > 0 ? options.skillFloors() : List.of();
        double[][] engine = new double[3][n];
        double[][] skills = new double[3][n];
        double[][] exact = new double[3][n];
        double[][][] floored = new double[floors.size()][2][n];
        long[] below = new long[floors.size()];
        long topEntries = 0;
        MatchRequest engineRequest = request(options, engineWeights, options.depth());
        MatchRequest skillsRequest = request(options, skillsOnly, options.depth());
        Ticker ticker = new Ticker(options.progress(), "evaluating " + queries.direction.description() + "s", n);
        for (int i = 0; i < n; i++) {
            String q = queries.ids.get(i);
            var grades = queries.grades(q);
            List<Match> page = rank(matcher, queries.direction, q, queries.request(engineRequest, q));
            List<String> ranked = page.stream().map(Match::id).toList();
            measure(engine, i, ranked, grades, k);
            for (int f = 0; f < floors.size(); f++) {
                double floor = floors.get(f);
                List<String> kept = new ArrayList<>();
                for (int j = 0; j < page.size(); j++) {
                    double value = skillsValue(page.get(j), engineWeights);
                    if (j < k && value < floor) {
                        below[f]++;
                    }
                    if (value >= floor) {
                        kept.add(page.get(j).id());
                    }
                }
                floored[f][0][i] = Metrics.recall(kept, grades, k);
                floored[f][1][i] = Metrics.ndcg(kept, grades, k);
            }
            topEntries += Math.min(k, page.size());
            if (options.baselines()) {
                List<String> bySkills = rank(matcher, queries.direction, q, queries.request(skillsRequest, q)).stream()
                        .map(Match::id).toList();
                measure(skills, i, bySkills, grades, k);
                List<String> byOverlap = queries.direction == Direction.CANDIDATES
                        ? overlap.candidates(q, options.depth())
                        : overlap.vacancies(q, options.depth());
                measure(exact, i, byOverlap, grades, k);
            }
            ticker.tick(i + 1);
        }
        List<EvaluationReport.SystemFigures> systems = new ArrayList<>();
        systems.add(figures(EvaluationReport.ENGINE, engine, options));
        if (options.baselines()) {
            systems.add(figures(EvaluationReport.SKILLS_ONLY, skills, options));
            systems.add(figures(EvaluationReport.EXACT_OVERLAP, exact, options));
        }
        List<EvaluationReport.FloorFigures> floorFigures = new ArrayList<>();
        for (int f = 0; f < floors.size(); f++) {
            floorFigures.add(new EvaluationReport.FloorFigures(floors.get(f),
                    topEntries == 0 ? 0 : (double) below[f] / topEntries,
                    Bootstrap.interval(floored[f][0], options.bootstrapSamples(), options.seed()),
                    Bootstrap.interval(floored[f][1], options.bootstrapSamples(), options.seed())));
        }
        return new EvaluationReport.DirectionFigures(queries.direction, n, queries.outcomes, queries.ignored, systems,
                floorFigures);
    }

    /** The skills component's value of a match, from its contribution (the weight is above 0 here). */
    static double skillsValue(Match m, ScoringWeights w) {
        return m.contributions().getOrDefault(Component.SKILLS, 0.0) / w.skills();
    }

    private static void measure(double[][] into, int i, List<String> ranked, java.util.Map<String, Integer> grades, int k) {
        into[0][i] = Metrics.recall(ranked, grades, k);
        into[1][i] = Metrics.reciprocalRank(ranked, grades);
        into[2][i] = Metrics.ndcg(ranked, grades, k);
    }

    private static EvaluationReport.SystemFigures figures(String name, double[][] values, EvaluationOptions o) {
        return new EvaluationReport.SystemFigures(name,
                Bootstrap.interval(values[0], o.bootstrapSamples(), o.seed()),
                Bootstrap.interval(values[1], o.bootstrapSamples(), o.seed()),
                Bootstrap.interval(values[2], o.bootstrapSamples(), o.seed()));
    }
}
