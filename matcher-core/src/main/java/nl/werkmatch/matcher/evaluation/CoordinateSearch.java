package nl.werkmatch.matcher.evaluation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * A derivative-free maximiser over parameters in [0, 1]: compass (coordinate) search. Each round tries every
 * coordinate a step up and a step down, taking the first move that improves by more than {@code minGain}; a round
 * without a move halves the step; the search ends when the step falls below {@code minStep} or after
 * {@code maxRounds} rounds. Chosen over a library's optimiser (Commons Math's BOBYQA or Nelder-Mead) because the
 * objective, nDCG over a few hundred queries, is a step function: it is flat between the points where two
 * candidates swap, which the model-based methods read as zero gradient, while a compass search with coarse steps
 * walks across the plateaus; and it needs no dependency. Points already evaluated are remembered, since an
 * evaluation can be costly (rescoring a pool's skills).
 */
final class CoordinateSearch {

    /** Where the search ended. */
    record Result(double[] best, double value, int evaluations, int rounds) {
    }

    private CoordinateSearch() {
    }

    /**
     * @param project maps a trial point onto the feasible set (say, weights scaled to sum 1), or returns null
     *     when there is no feasible point for it
     */
    static Result maximise(double[] start, double initialStep, double minStep, int maxRounds, double minGain,
                           UnaryOperator<double[]> project, ToDoubleFunction<double[]> objective,
                           Consumer<String> progress) {
        Map<String, Double> seen = new HashMap<>();
        double[] x = project.apply(start.clone());
        if (x == null) {
            throw new IllegalArgumentException("the start point is not feasible: " + Arrays.toString(start));
        }
        double best = evaluate(x, objective, seen);
        double step = initialStep;
        int rounds = 0;
        while (step >= minStep && rounds < maxRounds) {
            rounds++;
            boolean moved = false;
            for (int i = 0; i < x.length; i++) {
                for (int sign : new int[] {1, -1}) {
                    double[] y = x.clone();
                    // Rounded so that 0.9 + 0.1 lands on 1 and a point reached twice is one point.
                    y[i] = Math.max(0, Math.min(1, Math.round((x[i] + sign * step) * 1e9) / 1e9));
                    y = project.apply(y);
                    if (y == null || Arrays.equals(x, y)) {
                        continue;
                    }
                    double v = evaluate(y, objective, seen);
                    if (v > best + minGain) {
                        x = y;
                        best = v;
                        moved = true;
                        break;
                    }
                }
            }
            progress.accept(String.format(java.util.Locale.ROOT, "tuning round %d: objective %.4f, step %.3f, %d settings tried",
                    rounds, best, step, seen.size()));
            if (!moved) {
                step /= 2;
            }
        }
        return new Result(x, best, seen.size(), rounds);
    }

    private static double evaluate(double[] x, ToDoubleFunction<double[]> objective, Map<String, Double> seen) {
        return seen.computeIfAbsent(Arrays.toString(x), key -> objective.applyAsDouble(x));
    }
}
