package nl.werkmatch.matcher.synthetic;

import java.util.ArrayList;
import java.util.List;

/** A fixed discrete distribution over values, written as value-weight pairs. */
final class Choice<T> {
    private final List<T> values;
    private final Weighted weights;

    private Choice(List<T> values, double[] weights) {
        this.values = List.copyOf(values);
        this.weights = new Weighted(weights);
    }

    static <T> Builder<T> of(T value, double weight) {
        return new Builder<T>().or(value, weight);
    }

    T draw(Rng rng) {
        return values.get(weights.draw(rng));
    }

    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> or(T value, double weight) {
            values.add(value);
            weights.add(weight);
            return this;
        }

        Choice<T> build() {
            return new Choice<>(values, weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
