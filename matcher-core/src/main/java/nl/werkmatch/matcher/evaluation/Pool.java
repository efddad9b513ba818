package nl.werkmatch.matcher.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.PairScorer;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/**
 * The candidates of every training query with their five component values, so that a trial setting is scored
 * by arithmetic instead of by the engine: the score is linear, so under other weights a pair scores
 * {@code sum_c w_c * value_c}, and under other similarity credits only the skills value changes, which a fresh
 * {@link PairScorer} computes exactly from the records. The pool is the engine's top {@code depth} under weights
 * with every component above 0 (so that each value can be read back from its contribution); a pair outside it
 * stays outside under every trial, which is why tuning reports its final figures from the engine itself.
 */
final class Pool {
    private static final ScoringWeights SKILLS_ONLY = new ScoringWeights(1, 0, 0, 0, 0, 10);

    /** One query: its graded outcomes and its pool, entries in the engine's order. */
    static final class Query {
        final Direction direction;
        final String id;
        final Map<String, Integer> grades;
        final String[] others;
        /** values[c][j]: component c of entry j, c in {@link Component} order. */
        final double[][] values;

        Query(Direction direction, String id, Map<String, Integer> grades, String[] others, double[][] values) {
            this.direction = direction;
            this.id = id;
            this.grades = grades;
            this.others = others;
            this.values = values;
        }
    }

    final List<Query> queries;
    private final Matcher matcher;
    private final SkillSimilarity.Config baseSimilarity;
    private final Map<SkillSimilarity.Config, double[][]> skillsBySimilarity = new HashMap<>();
    private final Map<String, Profile> profiles = new HashMap<>();
    private final Map<String, Vacancy> vacancies = new HashMap<>();

    private Pool(Matcher matcher, List<Query> queries) {
        this.matcher = matcher;
        this.queries = queries;
        this.baseSimilarity = matcher.scorer().similarity().config();
    }

    /** Reads the pools of the given queries from the engine. */
    static Pool read(Matcher matcher, List<GradedQueries> directions, EvaluationOptions options, ScoringWeights base,
                     int depth) {
        // Every component above 0: its value is its contribution divided by its weight.
        ScoringWeights poolWeights = ScoringWeights.normalized(base.skills() + 0.1, base.language() + 0.1,
                base.distance() + 0.1, base.level() + 0.1, base.preference() + 0.1, base.distancePivotKm());
        MatchRequest request = Evaluation.request(options, poolWeights, depth);
        List<Query> queries = new ArrayList<>();
        Component[] components = Component.values();
        int total = directions.stream().mapToInt(d -> d.ids.size()).sum();
        Ticker ticker = new Ticker(options.progress(), "reading candidate pools", total);
        for (GradedQueries d : directions) {
            for (String q : d.ids) {
                List<Match> page = Evaluation.rank(matcher, d.direction, q, d.request(request, q));
                String[] others = new String[page.size()];
                double[][] values = new double[components.length][page.size()];
                for (int j = 0; j < page.size(); j++) {
                    Match m = page.get(j);
                    others[j] = m.id();
                    for (Component c : components) {
                        values[c.ordinal()][j] = m.contributions().getOrDefault(c, 0.0) / poolWeights.weight(c);
                    }
                }
                queries.add(new Query(d.direction, q, d.grades(q), others, values));
                ticker.tick(queries.size());
            }
        }
        return new Pool(matcher, queries);
    }

    /** Mean nDCG@k per direction, averaged over the directions that have queries. */
    double objective(double[] weights, SkillSimilarity.Config similarity, int k) {
        double[][] skills = skills(similarity);
        double[] sum = new double[Direction.values().length];
        int[] count = new int[sum.length];
        for (int qi = 0; qi < queries.size(); qi++) {
            Query q = queries.get(qi);
            sum[q.direction.ordinal()] += Metrics.ndcg(rerank(q, weights, skills[qi]), q.grades, k);
            count[q.direction.ordinal()]++;
        }
        double total = 0;
        int directions = 0;
        for (int d = 0; d < sum.length; d++) {
            if (count[d] > 0) {
                total += sum[d] / count[d];
                directions++;
            }
        }
        return directions == 0 ? 0 : total / directions;
    }

    /** The pool of a query ordered by {@code sum_c w_c * value_c}, ties kept in the engine's order. */
    static List<String> rerank(Query q, double[] weights, double[] skills) {
        int n = q.others.length;
        Integer[] order = new Integer[n];
        double[] score = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            score[j] = weights[0] * skills[j];
            for (int c = 1; c < weights.length; c++) {
                score[j] += weights[c] * q.values[c][j];
            }
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        List<String> ranked = new ArrayList<>(n);
        for (int j : order) {
            ranked.add(q.others[j]);
        }
        return ranked;
    }

    /** Per query, the skills value of each entry under the given credits (the engine's own for the base). */
    double[][] skills(SkillSimilarity.Config similarity) {
        return skillsBySimilarity.computeIfAbsent(similarity, this::computeSkills);
    }

    private double[][] computeSkills(SkillSimilarity.Config similarity) {
        double[][] out = new double[queries.size()][];
        if (similarity.equals(baseSimilarity)) {
            for (int qi = 0; qi < queries.size(); qi++) {
                out[qi] = queries.get(qi).values[Component.SKILLS.ordinal()];
            }
            return out;
        }
        PairScorer base = matcher.scorer();
        PairScorer scorer = new PairScorer(base.taxonomy(), SkillSimilarity.of(base.taxonomy(), similarity),
                base.evidenceWeights(), base.regions());
        for (int qi = 0; qi < queries.size(); qi++) {
            Query q = queries.get(qi);
            out[qi] = new double[q.others.length];
            for (int j = 0; j < q.others.length; j++) {
                String profile = q.direction == Direction.CANDIDATES ? q.others[j] : q.id;
                String vacancy = q.direction == Direction.CANDIDATES ? q.id : q.others[j];
                out[qi][j] = scorer.score(profile(profile), vacancy(vacancy), SKILLS_ONLY);
            }
        }
        return out;
    }

    private Profile profile(String id) {
        return profiles.computeIfAbsent(id, x -> matcher.profile(x).orElseThrow());
    }

    private Vacancy vacancy(String id) {
        return vacancies.computeIfAbsent(id, x -> matcher.vacancy(x).orElseThrow());
    }
}
