package nl.werkmatch.matcher.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoordinateSearchTest {

    @Test
    void findsTheMaximumOfASmoothFunctionInTheBox() {
        var r = CoordinateSearch.maximise(new double[] {0.9, 0.1, 0.5}, 0.1, 0.001, 100, 1e-12, x -> x,
                x -> -sq(x[0] - 0.3) - sq(x[1] - 0.72) - sq(x[2] - 1.4), line -> { });
        assertThat(r.best()[0]).isCloseTo(0.3, within(0.002));
        assertThat(r.best()[1]).isCloseTo(0.72, within(0.002));
        assertThat(r.best()[2]).isEqualTo(1.0);   // the maximum lies outside the box: its edge
    }

    @Test
    void walksAcrossPlateausOfAStepFunction() {
        // Flat everywhere except in steps of 0.25 toward (1, 0): what nDCG over a few queries looks like.
        var r = CoordinateSearch.maximise(new double[] {0.0, 1.0}, 0.25, 0.01, 100, 1e-9, x -> x,
                x -> Math.floor(x[0] * 4) - Math.floor(x[1] * 4), line -> { });
        assertThat(r.best()).containsExactly(1.0, 0.0);
    }

    @Test
    void respectsTheProjectionAndNeverEvaluatesAPointTwice() {
        AtomicInteger calls = new AtomicInteger();
        var r = CoordinateSearch.maximise(new double[] {0.5, 0.5}, 0.1, 0.01, 50, 1e-9, x -> {
                    double sum = x[0] + x[1];
                    return sum > 0 ? new double[] {x[0] / sum, x[1] / sum} : null;
                },
                x -> {
                    calls.incrementAndGet();
                    return x[0];
                }, line -> { });
        assertThat(r.best()[0] + r.best()[1]).isCloseTo(1.0, within(1e-9));
        assertThat(r.best()[0]).isEqualTo(1.0);
        assertThat(calls.get()).isEqualTo(r.evaluations());
    }

    @Test
    void stopsAfterTheRoundLimit() {
        var r = CoordinateSearch.maximise(new double[] {0.0}, 0.01, 0.001, 3, 0, x -> x, x -> x[0], line -> { });
        assertThat(r.rounds()).isEqualTo(3);
        assertThat(r.best()[0]).isCloseTo(0.03, within(1e-12));
    }

    private static double sq(double x) {
        return x * x;
    }
}
