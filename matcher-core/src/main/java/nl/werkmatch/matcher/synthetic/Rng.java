package nl.werkmatch.matcher.synthetic;

import java.util.SplittableRandom;

/**
 * The random source of one generated object. Each object gets its own generator seeded from (world seed, stream,
 * index), so the i-th profile is the same whether it is made alone, in order or on another thread.
 */
final class Rng {
    static final long PROFILES = 0x5052_4F46_494C_4531L;
    static final long VACANCIES = 0x5641_4341_4E43_5931L;
    static final long WORLD = 0x574F_524C_4420_2020L;

    private final SplittableRandom random;

    private Rng(long seed) {
        random = new SplittableRandom(seed);
    }

    static Rng of(long worldSeed, long stream, long index) {
        // Two rounds of mixing so that neighbouring seeds and indexes give unrelated streams.
        return new Rng(mix(mix(worldSeed ^ stream) + index * 0x9E37_79B9_7F4A_7C15L));
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** 0 (inclusive) to bound (exclusive). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** lo to hi, both inclusive. */
    int between(int lo, int hi) {
        return random.nextInt(lo, hi + 1);
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An exponential variate with the given mean. */
    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Shuffles the first {@code n} slots of {@code a} into a uniform random order (Fisher-Yates). */
    void shuffle(int[] a, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
