package nl.werkmatch.matcher.evaluation;

import java.util.Objects;
import java.util.function.Consumer;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.MatchRequest;

/**
 * How to tune.
 *
 * @param evaluation how the before and after figures are measured (k is also the cut-off tuning maximises)
 * @param poolDepth how many of each training query's best matches are rescored under a trial setting, k..1000
 * @param tuneSimilarity whether to tune the similarity credits too (each trial rescores the pool's skills with
 *     a fresh scorer; the final figures need an in-memory copy of the data indexed with the new credits)
 * @param maxRounds the most rounds of the coordinate search (each round tries every coordinate up and down)
 */
public record TuningOptions(EvaluationOptions evaluation, int poolDepth, boolean tuneSimilarity, int maxRounds) {

    /** nDCG@10, pools of 100, weights and credits, at most 12 rounds. */
    public static final TuningOptions DEFAULT = new TuningOptions(EvaluationOptions.DEFAULT, 100, true, 12);

    public TuningOptions {
        Objects.requireNonNull(evaluation, "evaluation");
        if (poolDepth < evaluation.k() || poolDepth > MatchRequest.MAX_K) {
            throw new InvalidInputException("poolDepth", "must be from k (" + evaluation.k() + ") to "
                    + MatchRequest.MAX_K + ", got " + poolDepth);
        }
        if (maxRounds < 0 || maxRounds > 1000) {
            throw new InvalidInputException("maxRounds", "must be from 0 to 1000, got " + maxRounds);
        }
    }

    /** These options with other evaluation options (and a pool at least k deep). */
    public TuningOptions withEvaluation(EvaluationOptions value) {
        return new TuningOptions(value, Math.max(poolDepth, value.k()), tuneSimilarity, maxRounds);
    }

    /** These options with another pool depth. */
    public TuningOptions withPoolDepth(int value) {
        return new TuningOptions(evaluation, value, tuneSimilarity, maxRounds);
    }

    /** These options tuning the similarity credits or not. */
    public TuningOptions withTuneSimilarity(boolean value) {
        return new TuningOptions(evaluation, poolDepth, value, maxRounds);
    }

    /** These options with another round limit. */
    public TuningOptions withMaxRounds(int value) {
        return new TuningOptions(evaluation, poolDepth, tuneSimilarity, value);
    }

    Consumer<String> progress() {
        return evaluation.progress();
    }
}
