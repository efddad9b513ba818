package nl.werkmatch.matcher.synthetic;

import java.util.Arrays;

/** A small insertion-ordered set of concept indexes, each with a tag (evidence or importance ordinal). */
final class SkillBag {
    private int[] concepts = new int[32];
    private int[] tags = new int[32];
    private int size;
    private final int capacity;

    SkillBag(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a concept unless present or full; returns whether it was added. */
    boolean add(int concept, int tag) {
        if (size >= capacity || contains(concept)) {
            return false;
        }
        if (size == concepts.length) {
            concepts = Arrays.copyOf(concepts, size * 2);
            tags = Arrays.copyOf(tags, size * 2);
        }
        concepts[size] = concept;
        tags[size] = tag;
        size++;
        return true;
    }

    // A linear scan: bags hold a few dozen skills at most, where this beats hashing.
    boolean contains(int concept) {
        for (int i = 0; i < size; i++) {
            if (concepts[i] == concept) {
                return true;
            }
        }
        return false;
    }

    boolean full() {
        return size >= capacity;
    }

    int size() { return size; }

    int concept(int i) { return concepts[i]; }

    int tag(int i) { return tags[i]; }

    /** Draws k distinct elements of pool (fewer when the pool is smaller) by a partial Fisher-Yates shuffle. */
    static int[] sample(int[] pool, int k, Rng rng) {
        int n = pool.length;
        k = Math.min(k, n);
        int[] a = pool.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return k == n ? a : Arrays.copyOf(a, k);
    }
}
