package nl.werkmatch.matcher.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * How to evaluate.
 *
 * @param k the cut-off of recall@k and nDCG@k, 1..1000
 * @param depth how deep each ranking is read, k..1000: MRR looks this far, and a skill floor is applied by
 *     dropping entries of this list (exact as long as k entries survive)
 * @param request the filters of every ranking (its k, offset, explain and weights are replaced); without an
 *     {@code openOn} day, each query is ranked as of the day of its earliest dated outcome (vacancies open then),
 *     or, when its outcomes carry no dates, among the vacancies not yet closed today
 * @param weights the component weights of the engine's ranking, or null for the matcher's own
 * @param bootstrapSamples resamples for the 95% intervals (0: none)
 * @param seed the seed of the resampling and of the tie order of the overlap baseline
 * @param skillFloors the skill floors to measure (see {@link EvaluationReport.FloorFigures}); may be empty
 * @param baselines whether to compute the two baselines as well
 * @param progress receives a line now and then during long work
 */
public record EvaluationOptions(int k, int depth, MatchRequest request, ScoringWeights weights, int bootstrapSamples,
                                long seed, List<Double> skillFloors, boolean baselines, Consumer<String> progress) {

    /** k 10, depth 100, the default request, the matcher's weights, 1,000 resamples, floors 0.1, 0.2 and 0.3. */
    public static final EvaluationOptions DEFAULT = new EvaluationOptions(10, 100, MatchRequest.DEFAULT, null, 1000, 1,
            List.of(0.1, 0.2, 0.3), true, line -> { });

    public EvaluationOptions {
        if (k < 1 || k > MatchRequest.MAX_K) {
            throw new InvalidInputException("k", "must be from 1 to " + MatchRequest.MAX_K + ", got " + k);
        }
        if (depth < k || depth > MatchRequest.MAX_K) {
            throw new InvalidInputException("depth", "must be from k (" + k + ") to " + MatchRequest.MAX_K + ", got " + depth);
        }
        if (bootstrapSamples < 0 || bootstrapSamples > 100_000) {
            throw new InvalidInputException("bootstrapSamples", "must be from 0 to 100000, got " + bootstrapSamples);
        }
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        skillFloors = List.copyOf(skillFloors);
        for (double f : skillFloors) {
            if (!(f > 0 && f <= 1)) {
                throw new InvalidInputException("skillFloors", "each floor must lie in (0, 1], got " + f);
            }
        }
    }

    /** These options with another k, and a depth of at least k. */
    public EvaluationOptions withK(int value) {
        return new EvaluationOptions(value, Math.max(value, depth), request, weights, bootstrapSamples, seed,
                skillFloors, baselines, progress);
    }

    /** These options with another depth. */
    public EvaluationOptions withDepth(int value) {
        return new EvaluationOptions(k, value, request, weights, bootstrapSamples, seed, skillFloors, baselines, progress);
    }

    /** These options with other filters. */
    public EvaluationOptions withRequest(MatchRequest value) {
        return new EvaluationOptions(k, depth, value, weights, bootstrapSamples, seed, skillFloors, baselines, progress);
    }

    /** These options with other component weights for the engine (null: the matcher's). */
    public EvaluationOptions withWeights(ScoringWeights value) {
        return new EvaluationOptions(k, depth, request, value, bootstrapSamples, seed, skillFloors, baselines, progress);
    }

    /** These options with another number of resamples. */
    public EvaluationOptions withBootstrapSamples(int value) {
        return new EvaluationOptions(k, depth, request, weights, value, seed, skillFloors, baselines, progress);
    }

    /** These options with another seed. */
    public EvaluationOptions withSeed(long value) {
        return new EvaluationOptions(k, depth, request, weights, bootstrapSamples, value, skillFloors, baselines, progress);
    }

    /** These options with other skill floors to measure. */
    public EvaluationOptions withSkillFloors(List<Double> value) {
        return new EvaluationOptions(k, depth, request, weights, bootstrapSamples, seed, value, baselines, progress);
    }

    /** These options with or without the baselines. */
    public EvaluationOptions withBaselines(boolean value) {
        return new EvaluationOptions(k, depth, request, weights, bootstrapSamples, seed, skillFloors, value, progress);
    }

    /** These options with another progress sink. */
    public EvaluationOptions withProgress(Consumer<String> value) {
        return new EvaluationOptions(k, depth, request, weights, bootstrapSamples, seed, skillFloors, baselines, value);
    }
}
