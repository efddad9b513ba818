package nl.werkmatch.matcher.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/**
 * Fits the component weights and the similarity credits to outcomes: maximises the engine's mean nDCG@k (both
 * directions weigh the same) on a training split with a {@link CoordinateSearch} over candidate pools
 * ({@link Pool}: the training queries' best matches, rescored by arithmetic), then measures before and after
 * with the engine itself on the training split and on the held-out split, beside the baselines. Only the
 * held-out figures say whether the result is better; the training figures show how much of the gain is fit.
 *
 * <pre>{@code
 * Tuning.Split split = Tuning.split(OutcomesFile.read(path), 0.3, 1);
 * TuningResult result = Tuning.run(matcher, split.train(), split.heldOut(), TuningOptions.DEFAULT);
 * result.after().write(Path.of("weights.json"));
 * }</pre>
 */
public final class Tuning {
    private static final int COMPONENTS = 5;
    private static final int BATCH = 1000;

    private Tuning() {
    }

    /**
     * A training and a held-out split of outcomes.
     *
     * @param cutoff when split by time, the last day of the training outcomes; else null
     */
    public record Split(List<Outcome> train, List<Outcome> heldOut, LocalDate cutoff) {
        public Split {
            train = List.copyOf(train);
            heldOut = List.copyOf(heldOut);
        }

        /** How the split was made, in words. */
        public String description() {
            return cutoff != null
                    ? "by date: outcomes after " + cutoff + " held out"
                    : "at random (seeded): the outcomes carry no dates";
        }
    }

    /**
     * Splits outcomes into training and held-out parts: by time when every outcome has a date (the latest
     * {@code heldOutShare} of them, whole days, are held out, as a deployed ranking meets the future), else at
     * random per outcome, seeded.
     */
    public static Split split(List<Outcome> outcomes, double heldOutShare, long seed) {
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new InvalidInputException("heldOutShare", "must lie strictly between 0 and 1, got " + heldOutShare);
        }
        boolean dated = !outcomes.isEmpty() && outcomes.stream().allMatch(o -> o.date() != null);
        if (dated) {
            List<Outcome> byDate = new ArrayList<>(outcomes);
            byDate.sort(Comparator.comparing(Outcome::date));
            int firstHeldOut = (int) Math.round(byDate.size() * (1 - heldOutShare));
            firstHeldOut = Math.max(1, Math.min(byDate.size() - 1, firstHeldOut));
            LocalDate cutoff = byDate.get(firstHeldOut - 1).date();
            List<Outcome> train = byDate.stream().filter(o -> !o.date().isAfter(cutoff)).toList();
            List<Outcome> heldOut = byDate.stream().filter(o -> o.date().isAfter(cutoff)).toList();
            if (!train.isEmpty() && !heldOut.isEmpty()) {
                return new Split(train, heldOut, cutoff);
            }
            // All on one or two days: no time split possible; fall back to random.
        }
        List<Outcome> train = new ArrayList<>();
        List<Outcome> heldOut = new ArrayList<>();
        for (Outcome o : outcomes) {
            (unit(seed, o.profile(), o.vacancy()) < heldOutShare ? heldOut : train).add(o);
        }
        return new Split(train, heldOut, null);
    }

    /** The current settings of a matcher: its weights, its similarity credits and its evidence weights. */
    public static RankingSettings settingsOf(Matcher matcher) {
        return new RankingSettings(matcher.weights(), matcher.scorer().similarity().config(),
                matcher.scorer().evidenceWeights());
    }

    /**
     * Tunes on {@code train} and reports figures on both splits. When the credits change, the after-figures are
     * measured on an in-memory copy of the matcher's data indexed with them (the copy is closed before return).
     */
    public static TuningResult run(Matcher matcher, List<Outcome> train, List<Outcome> heldOut, TuningOptions options) {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(options, "options");
        EvaluationOptions eval = options.evaluation();
        RankingSettings before = settingsOf(matcher).withWeights(
                eval.weights() != null ? eval.weights() : matcher.weights());
        EvaluationOptions evalBefore = eval.withWeights(before.weights());
        options.progress().accept("measuring the current settings on the training outcomes");
        EvaluationReport trainBefore = Evaluation.run(matcher, train, evalBefore);
        options.progress().accept("measuring the current settings on the held-out outcomes");
        EvaluationReport heldOutBefore = Evaluation.run(matcher, heldOut, evalBefore);

        ExactOverlap ids = new ExactOverlap(matcher, eval.seed());
        List<GradedQueries> queries = new ArrayList<>();
        for (Direction d : Direction.values()) {
            queries.add(GradedQueries.of(d, train, ids::hasProfile, ids::hasVacancy));
        }
        if (queries.stream().allMatch(q -> q.ids.isEmpty())) {
            throw new InvalidInputException("outcomes", "no training outcome above REJECTED names a record in the data; "
                    + "nothing to tune on");
        }
        Pool pool = Pool.read(matcher, queries, eval, before.weights(), options.poolDepth());
        int k = eval.k();
        double[] start = parameters(before, options.tuneSimilarity());
        CoordinateSearch.Result found = CoordinateSearch.maximise(start, 0.1, 0.0125, options.maxRounds(), 1e-4,
                x -> project(x), x -> pool.objective(weights(x), similarity(x, before), k), options.progress());
        RankingSettings after = settings(found.best(), before);
        double poolBefore = pool.objective(weights(start), before.similarity(), k);

        EvaluationOptions evalAfter = eval.withWeights(after.weights()).withBaselines(false);
        EvaluationReport trainAfter;
        EvaluationReport heldOutAfter;
        if (after.changesIndex(before)) {
            try (Matcher copy = copy(matcher, after, options)) {
                options.progress().accept("measuring the tuned settings");
                trainAfter = Evaluation.run(copy, train, evalAfter);
                heldOutAfter = Evaluation.run(copy, heldOut, evalAfter);
            }
        } else {
            options.progress().accept("measuring the tuned settings");
            trainAfter = Evaluation.run(matcher, train, evalAfter);
            heldOutAfter = Evaluation.run(matcher, heldOut, evalAfter);
        }
        return new TuningResult(before, after, trainBefore, withBaselines(trainAfter, trainBefore), heldOutBefore,
                withBaselines(heldOutAfter, heldOutBefore), found.evaluations(), found.rounds(), poolBefore,
                found.value());
    }

    /** An in-memory matcher holding the same records, indexed with other settings. */
    static Matcher copy(Matcher matcher, RankingSettings settings, TuningOptions options) {
        options.progress().accept("indexing an in-memory copy of " + matcher.profileCount() + " profiles and "
                + matcher.vacancyCount() + " vacancies with the tuned similarity credits");
        Matcher copy = Matcher.builder().taxonomy(matcher.taxonomy()).regions(matcher.regions()).ranking(settings).build();
        try {
            List<Profile> profiles = new ArrayList<>(BATCH);
            matcher.forEachProfile(p -> {
                profiles.add(p);
                if (profiles.size() == BATCH) {
                    copy.upsertProfiles(profiles);
                    profiles.clear();
                }
            });
            copy.upsertProfiles(profiles);
            List<Vacancy> vacancies = new ArrayList<>(BATCH);
            matcher.forEachVacancy(v -> {
                vacancies.add(v);
                if (vacancies.size() == BATCH) {
                    copy.upsertVacancies(vacancies);
                    vacancies.clear();
                }
            });
            copy.upsertVacancies(vacancies);
            copy.refresh();
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** The after-report of the engine with the baselines of the before-report, which tuning does not change. */
    private static EvaluationReport withBaselines(EvaluationReport engineOnly, EvaluationReport withBaselines) {
        List<EvaluationReport.DirectionFigures> out = new ArrayList<>();
        for (EvaluationReport.DirectionFigures d : engineOnly.directions()) {
            EvaluationReport.DirectionFigures b = withBaselines.direction(d.direction());
            List<EvaluationReport.SystemFigures> systems = new ArrayList<>(d.systems());
            b.systems().stream().filter(s -> !s.system().equals(EvaluationReport.ENGINE)).forEach(systems::add);
            out.add(new EvaluationReport.DirectionFigures(d.direction(), d.queries(), d.outcomes(), d.ignoredOutcomes(),
                    systems, d.floors()));
        }
        return new EvaluationReport(engineOnly.k(), engineOnly.depth(), out);
    }

    // ---- the parameter vector: five weights, then (when tuned) narrower, broader, sibling, related

    static double[] parameters(RankingSettings s, boolean withSimilarity) {
        ScoringWeights w = s.weights();
        double[] x = new double[withSimilarity ? COMPONENTS + 4 : COMPONENTS];
        x[0] = w.skills();
        x[1] = w.language();
        x[2] = w.distance();
        x[3] = w.level();
        x[4] = w.preference();
        if (withSimilarity) {
            SkillSimilarity.Config c = s.similarity();
            x[5] = c.narrower();
            x[6] = c.broader();
            x[7] = c.sibling();
            x[8] = c.related();
        }
        return x;
    }

    /** Weights scaled to sum 1 and broader at most narrower, rounded so that equal points compare equal. */
    static double[] project(double[] x) {
        double sum = 0;
        for (int i = 0; i < COMPONENTS; i++) {
            sum += x[i];
        }
        if (!(sum > 0)) {
            return null;
        }
        double[] y = x.clone();
        for (int i = 0; i < COMPONENTS; i++) {
            y[i] = round(x[i] / sum);
        }
        if (y.length > COMPONENTS) {
            y[6] = Math.min(y[6], y[5]);
            for (int i = COMPONENTS; i < y.length; i++) {
                y[i] = round(y[i]);
            }
        }
        return y;
    }

    static double[] weights(double[] x) {
        return new double[] {x[0], x[1], x[2], x[3], x[4]};
    }

    static SkillSimilarity.Config similarity(double[] x, RankingSettings base) {
        SkillSimilarity.Config c = base.similarity();
        if (x.length == COMPONENTS) {
            return c;
        }
        return new SkillSimilarity.Config(x[5], x[6], x[7], x[8], c.maxDepth(), c.maxNeighbours());
    }

    static RankingSettings settings(double[] x, RankingSettings base) {
        ScoringWeights w = ScoringWeights.normalized(x[0], x[1], x[2], x[3], x[4], base.weights().distancePivotKm());
        return new RankingSettings(w, similarity(x, base), base.evidence());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** A seeded uniform number in [0, 1) per pair. */
    private static double unit(long seed, String profile, String vacancy) {
        long z = seed * 0x9E3779B97F4A7C15L + profile.hashCode() * 31L + vacancy.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
