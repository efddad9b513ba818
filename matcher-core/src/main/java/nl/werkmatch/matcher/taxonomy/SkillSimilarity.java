package nl.werkmatch.matcher.taxonomy;

import java.util.Arrays;
import java.util.Objects;

/**
 * The definition of {@code sim(q, r)}: how well a skill a candidate has ({@code q}) covers a skill a vacancy
 * requires ({@code r}), in [0, 1]. Both the Lucene engine and the exact pair scorer read it from here, so they
 * agree bit for bit.
 *
 * <p>Relations (the maximum applies when several hold):
 * <ul>
 *   <li>{@link Relation#EXACT}: 1;</li>
 *   <li>{@link Relation#NARROWER}: q is d levels below r, 1 &lt;= d &lt;= maxDepth: {@code narrower^d};</li>
 *   <li>{@link Relation#BROADER}: q is the direct parent of r: {@code broader};</li>
 *   <li>{@link Relation#SIBLING}: q and r share a direct parent: {@code sibling};</li>
 *   <li>{@link Relation#RELATED}: r is related to q or q to r (symmetric): {@code related};</li>
 *   <li>otherwise 0.</li>
 * </ul>
 *
 * <p>Each q covers at most {@code maxNeighbours} targets, itself included: those with the highest similarity,
 * ties going to the smaller concept index. This bounded neighbourhood <em>is</em> the definition: a target
 * outside it has similarity 0. To keep the precomputation linear in the taxonomy rather than quadratic in the
 * size of big groups (ESCO groups have thousands of members), each relation kind contributes at most
 * {@code maxNeighbours} candidates taken in index order (per parent for siblings, per level for ancestors). The
 * similarity is constant within a kind (and within an ancestor level), so the best {@code maxNeighbours} of the
 * unbounded relation are always among those candidates and the result equals the unbounded top
 * {@code maxNeighbours}. The one exception is {@code narrower = 1}, where a concept with more than
 * {@code maxNeighbours} ancestors on one level keeps climbing only from the ones kept.
 *
 * <p>Immutable and thread-safe. All neighbourhoods live in four flat arrays, sorted by target index per
 * source so that merging the coverage of several skills is a cheap k-way merge.
 */
public final class SkillSimilarity {

    /**
     * Similarity per relation and the bounds of a neighbourhood.
     *
     * @param narrower      q is a child of r; multiplied per further level down
     * @param broader       q is the parent of r (one level only); at most {@code narrower}
     * @param sibling       q and r share a parent
     * @param related       q and r are related, in either direction
     * @param maxDepth      how many levels down {@code narrower} reaches (0 turns it off)
     * @param maxNeighbours the most targets one skill covers, itself included
     */
    public record Config(double narrower, double broader, double sibling, double related, int maxDepth,
                         int maxNeighbours) {
        public static final Config DEFAULT = new Config(0.9, 0.5, 0.3, 0.5, 3, 64);

        static final int MAX_DEPTH = 16;
        static final int MAX_NEIGHBOURS = 65_536;

        /** Checks that every similarity lies in [0, 1] and the depth and neighbourhood size are sensible. */
        public Config {
            checkUnit("narrower", narrower);
            checkUnit("broader", broader);
            checkUnit("sibling", sibling);
            checkUnit("related", related);
            // Having the specific skill must cover a general ask at least as well as the reverse.
            if (broader > narrower) {
                throw new IllegalArgumentException("broader (" + broader + ") must not exceed narrower (" + narrower + ")");
            }
            if (maxDepth < 0 || maxDepth > MAX_DEPTH) {
                throw new IllegalArgumentException("maxDepth must be in [0, " + MAX_DEPTH + "], got " + maxDepth);
            }
            if (maxNeighbours < 1 || maxNeighbours > MAX_NEIGHBOURS) {
                throw new IllegalArgumentException("maxNeighbours must be in [1, " + MAX_NEIGHBOURS + "], got " + maxNeighbours);
            }
        }

        private static void checkUnit(String name, double v) {
            if (!(v >= 0.0 && v <= 1.0)) {   // also rejects NaN
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
            }
        }
    }

    /**
     * The targets one skill covers, sorted by target index; a view over the shared arrays, no copy. Public for the
     * engine's preparation (see {@link #coverage(int)}); not for embedders.
     */
    public static final class Neighbourhood {
        private final SkillSimilarity owner;
        private final int from;
        private final int size;

        private Neighbourhood(SkillSimilarity owner, int from, int size) {
            this.owner = owner;
            this.from = from;
            this.size = size;
        }

        /** How many concepts this neighbourhood holds. */
        public int size() { return size; }

        /** The i-th covered concept index, ascending in i. */
        public int target(int i) { return owner.targets[from + Objects.checkIndex(i, size)]; }

        /** The similarity to the i-th target, in (0, 1]. */
        public float sim(int i) { return owner.sims[from + Objects.checkIndex(i, size)]; }

        /** How the i-th concept relates to the skill that covers it. */
        public Relation relation(int i) { return Relation.ofOrdinal(owner.relations[from + Objects.checkIndex(i, size)]); }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Neighbourhood[");
            for (int i = 0; i < size; i++) {
                b.append(i == 0 ? "" : ", ").append(target(i)).append(':').append(sim(i)).append(' ').append(relation(i));
            }
            return b.append(']').toString();
        }
    }

    private final SkillTaxonomy taxonomy;
    private final Config config;
    private final int[] offsets;     // source q -> [offsets[q], offsets[q + 1]) in the arrays below
    private final int[] targets;
    private final float[] sims;
    private final byte[] relations;  // Relation ordinals

    private SkillSimilarity(SkillTaxonomy taxonomy, Config config, int[] offsets, int[] targets, float[] sims,
                            byte[] relations) {
        this.taxonomy = taxonomy;
        this.config = config;
        this.offsets = offsets;
        this.targets = targets;
        this.sims = sims;
        this.relations = relations;
    }

    /** Precomputes every skill's neighbourhood; linear in the taxonomy times {@code maxNeighbours}. */
    public static SkillSimilarity of(SkillTaxonomy taxonomy, Config config) {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(config, "config");
        return new Precomputation(taxonomy, config).run();
    }

    /** The taxonomy the similarities are defined on. */
    public SkillTaxonomy taxonomy() { return taxonomy; }

    /** The settings this similarity was built with. */
    public Config config() { return config; }

    /** How well having q covers requiring r; exactly {@code coverage(q).sim(i)} widened, or 0 outside it. */
    public double sim(int q, int r) {
        int i = find(q, r);
        return i < 0 ? 0.0 : sims[i];
    }

    /** The relation that gives {@link #sim(int, int)}, or {@link Relation#NONE}. */
    public Relation relation(int q, int r) {
        int i = find(q, r);
        return i < 0 ? Relation.NONE : Relation.ofOrdinal(relations[i]);
    }

    /**
     * The requirement skills q covers with a similarity above 0, q itself included, sorted by index. For the engine's
     * preparation of profiles: indexes are the taxonomy's dense ones, which change with the taxonomy, so embedders
     * ask {@link #sim(int, int)} or score pairs with {@code scoring.PairScorer}.
     */
    public Neighbourhood coverage(int q) {
        Objects.checkIndex(q, offsets.length - 1);
        return new Neighbourhood(this, offsets[q], offsets[q + 1] - offsets[q]);
    }

    @Override
    public String toString() {
        return "SkillSimilarity[" + (offsets.length - 1) + " concepts, " + targets.length + " pairs, " + config + "]";
    }

    private int find(int q, int r) {
        Objects.checkIndex(q, offsets.length - 1);
        Objects.checkIndex(r, offsets.length - 1);
        int i = Arrays.binarySearch(targets, offsets[q], offsets[q + 1], r);
        return i < 0 ? -1 : i;
    }

    /** One pass over all sources with scratch arrays reused between them. */
    private static final class Precomputation {
        private final SkillTaxonomy t;
        private final Config c;
        private final int n;
        private final int cap;
        private final float[] narrowerAt;      // narrower^d as float, d = 0..maxDepth
        private final int[][] relatedBy;       // inverse of the related lists, so related is symmetric

        private final float[] best;            // per target: best similarity so far for the current source (0 = none)
        private final byte[] bestRelation;
        private final int[] seen;              // per concept: 1 + the source whose ancestor walk reached it
        private int[] touched = new int[256];
        private int touchedCount;

        private int[] outTargets;
        private float[] outSims;
        private byte[] outRelations;
        private int outSize;

        Precomputation(SkillTaxonomy t, Config c) {
            this.t = t;
            this.c = c;
            this.n = t.size();
            this.cap = c.maxNeighbours();
            narrowerAt = new float[c.maxDepth() + 1];
            double s = 1.0;
            for (int d = 0; d <= c.maxDepth(); d++) {
                narrowerAt[d] = (float) s;
                s *= c.narrower();
            }
            relatedBy = invertRelated(t, n);
            best = new float[n];
            bestRelation = new byte[n];
            seen = new int[n];
            int guess = (int) Math.min((long) n * Math.min(cap, 16) + 16, Integer.MAX_VALUE - 16);
            outTargets = new int[guess];
            outSims = new float[guess];
            outRelations = new byte[guess];
        }

        SkillSimilarity run() {
            int[] offsets = new int[n + 1];
            long[] keys = new long[256];
            for (int q = 0; q < n; q++) {
                gather(q);
                if (keys.length < touchedCount) {
                    keys = new long[Math.max(touchedCount, keys.length * 2)];
                }
                // Key orders by similarity descending, then target ascending (positive float bits sort as the floats).
                for (int i = 0; i < touchedCount; i++) {
                    int target = touched[i];
                    keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(best[target])) << 32) | target;
                }
                Arrays.sort(keys, 0, touchedCount);
                int keep = Math.min(cap, touchedCount);
                int[] kept = new int[keep];
                for (int i = 0; i < keep; i++) {
                    kept[i] = (int) keys[i];
                }
                Arrays.sort(kept);
                ensureOut(outSize + keep);
                for (int target : kept) {
                    outTargets[outSize] = target;
                    outSims[outSize] = best[target];
                    outRelations[outSize] = bestRelation[target];
                    outSize++;
                }
                offsets[q + 1] = outSize;
                for (int i = 0; i < touchedCount; i++) {
                    best[touched[i]] = 0f;
                }
                touchedCount = 0;
            }
            return new SkillSimilarity(t, c, offsets, Arrays.copyOf(outTargets, outSize), Arrays.copyOf(outSims, outSize),
                    Arrays.copyOf(outRelations, outSize));
        }

        private void gather(int q) {
            offer(q, 1f, Relation.EXACT);
            if (c.narrower() > 0 && c.maxDepth() > 0) {
                ancestors(q);
            }
            float broader = (float) c.broader();
            if (broader > 0) {
                int[] children = t.narrowerView(q);
                for (int i = 0, m = Math.min(children.length, cap); i < m; i++) {
                    offer(children[i], broader, Relation.BROADER);
                }
            }
            float sibling = (float) c.sibling();
            if (sibling > 0) {
                for (int parent : t.broaderView(q)) {
                    // The first cap siblings in index order per parent: a 5,000-member group costs cap, not 5,000.
                    int taken = 0;
                    for (int s : t.narrowerView(parent)) {
                        if (s == q) {
                            continue;
                        }
                        offer(s, sibling, Relation.SIBLING);
                        if (++taken == cap) {
                            break;
                        }
                    }
                }
            }
            float related = (float) c.related();
            if (related > 0) {
                offerFirst(t.relatedView(q), related);
                offerFirst(relatedBy[q], related);
            }
        }

        /** Breadth-first up the hierarchy; each level is the distinct new parents, at most cap in index order. */
        private void ancestors(int q) {
            int stamp = q + 1;
            seen[q] = stamp;
            int[] level = {q};
            for (int d = 1; d <= c.maxDepth() && level.length > 0; d++) {
                int count = 0;
                int[] next = new int[8];
                for (int node : level) {
                    for (int p : t.broaderView(node)) {
                        if (seen[p] != stamp) {
                            seen[p] = stamp;
                            if (count == next.length) {
                                next = Arrays.copyOf(next, count * 2);
                            }
                            next[count++] = p;
                        }
                    }
                }
                Arrays.sort(next, 0, count);
                level = Arrays.copyOf(next, Math.min(count, cap));
                for (int p : level) {
                    offer(p, narrowerAt[d], Relation.NARROWER);
                }
            }
        }

        private void offerFirst(int[] relatedList, float sim) {
            for (int i = 0, m = Math.min(relatedList.length, cap); i < m; i++) {
                offer(relatedList[i], sim, Relation.RELATED);
            }
        }

        private void offer(int target, float sim, Relation relation) {
            if (!(sim > 0f)) {
                return;
            }
            float old = best[target];
            if (old == 0f) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = target;
                best[target] = sim;
                bestRelation[target] = (byte) relation.ordinal();
            } else if (sim > old || (sim == old && relation.ordinal() < bestRelation[target])) {
                best[target] = sim;
                bestRelation[target] = (byte) relation.ordinal();
            }
        }

        private void ensureOut(int size) {
            if (size > outTargets.length) {
                int grown = (int) Math.min(Math.max(size, (long) outTargets.length * 3 / 2), Integer.MAX_VALUE - 16);
                outTargets = Arrays.copyOf(outTargets, grown);
                outSims = Arrays.copyOf(outSims, grown);
                outRelations = Arrays.copyOf(outRelations, grown);
            }
        }

        private static int[][] invertRelated(SkillTaxonomy t, int n) {
            int[] counts = new int[n];
            for (int q = 0; q < n; q++) {
                for (int r : t.relatedView(q)) {
                    counts[r]++;
                }
            }
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) {
                out[i] = new int[counts[i]];
            }
            int[] fill = new int[n];
            for (int q = 0; q < n; q++) {
                for (int r : t.relatedView(q)) {
                    out[r][fill[r]++] = q;   // ascending q, so each list is sorted
                }
            }
            return out;
        }
    }
}
