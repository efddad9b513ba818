package nl.werkmatch.matcher.benchmarks;

import java.util.Comparator;

/** One ranked result of any path: an id and its exact score. */
record Hit(String id, double score) {
    /** The engine's order: score descending, then id ascending. */
    static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id);
}
