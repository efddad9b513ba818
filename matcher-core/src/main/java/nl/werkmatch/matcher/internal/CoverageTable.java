package nl.werkmatch.matcher.internal;

import java.util.Arrays;

import nl.werkmatch.matcher.taxonomy.Relation;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/**
 * The best offer per concept while one profile is prepared, packed into one long per concept so that an offer is
 * one read and at most one write of one array (a profile makes about a thousand offers at random concepts; five
 * parallel arrays cost five cache lines each).
 *
 * <p>An offer comes from a <em>source</em> (a claimed skill's neighbourhood, or an experienced occupation's merged
 * list at one relevance) at a position in that source's list. The packed value is {@code credit bits << 46 |
 * (ORDER - (source << 22 | position))}: the credit's top 16 float bits (all a credit has, being {@link
 * Scorer#indexable}, and ordered like the credits, being positive), then the offer's place in offer order,
 * reversed. Sources are numbered in the order they offer and positions ascend within one, so the largest packed
 * value is the highest credit and, among equal credits, the first offered: the rule the explanations rely on.
 * Provenance (via skill, relation, evidence, occupation) is decoded only for the concepts kept.
 *
 * <p>Not thread-safe; one user at a time, reused through a pool.
 */
final class CoverageTable {
    private static final int CREDIT_SHIFT = 46;
    private static final int POSITION_BITS = 22;
    private static final int SOURCE_BITS = CREDIT_SHIFT - POSITION_BITS;
    private static final long ORDER = (1L << CREDIT_SHIFT) - 1;
    private static final int POSITION_MASK = (1 << POSITION_BITS) - 1;
    /** Concepts a table can index: every position must fit its bits. */
    static final int MAX_CONCEPTS = 1 << POSITION_BITS;
    /** Sources one profile can have: claims plus three per experience (more if a list is not exact). */
    static final int MAX_SOURCES = 1 << SOURCE_BITS;

    private final SkillSimilarity similarity;
    private final long[] best;            // per concept: 0 (untouched) or the packed best offer
    private final long[] marks;           // bit r set when concept r is touched: ascending order without sorting
    private int[] touched = new int[1024];
    private int count;
    private final int[] histogram = new int[256];
    private int[] walk = new int[1024];
    private int[] creditBits = new int[1024];    // the touched concepts' credits, while the cut is found

    // per source, in offer order: the claimed skill (or -1 for a merged list), the list, evidence, occupation
    private int sources;
    private int[] sourceSkill = new int[64];
    private OccupationCoverage.Merged[] sourceList = new OccupationCoverage.Merged[64];
    private double[] sourceEvidence = new double[64];
    private int[] sourceOccupation = new int[64];

    CoverageTable(SkillSimilarity similarity, int concepts) {
        if (concepts > MAX_CONCEPTS) {
            throw new IllegalArgumentException("a taxonomy of " + concepts + " concepts is more than " + MAX_CONCEPTS);
        }
        this.similarity = similarity;
        this.best = new long[concepts];
        this.marks = new long[(concepts + 63) >>> 6];
    }

    /** Offers every concept of skill q's neighbourhood at {@code indexable(sim * e)}, from occupation occ (or -1). */
    void offerNeighbourhood(int q, double e, int occupation) {
        int source = source(q, null, e, occupation);
        SkillSimilarity.Neighbourhood nb = similarity.coverage(q);
        for (int i = 0, n = nb.size(); i < n; i++) {
            offer(nb.target(i), Scorer.indexable(nb.sim(i) * e), source, i);
        }
    }

    /** Offers every concept of a merged occupation list at {@code indexable(sim * e)}. */
    void offerMerged(OccupationCoverage.Merged m, double e, int occupation) {
        int source = source(-1, m, e, occupation);
        int[] targets = m.targets;
        float[] sims = m.sims;
        for (int i = 0; i < targets.length; i++) {
            offer(targets[i], Scorer.indexable(sims[i] * e), source, i);
        }
    }

    private void offer(int r, double credit, int source, int position) {
        if (!(credit > 0)) {
            return;
        }
        long v = ((long) (Float.floatToRawIntBits((float) credit) >>> 15) << CREDIT_SHIFT)
                | (ORDER - (((long) source << POSITION_BITS) | position));
        long old = best[r];
        if (v > old) {
            if (old == 0) {
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = r;
                marks[r >>> 6] |= 1L << r;
            }
            best[r] = v;
        }
    }

    private int source(int skill, OccupationCoverage.Merged list, double e, int occupation) {
        if (sources == MAX_SOURCES) {
            throw new IllegalArgumentException("a profile may have at most " + MAX_SOURCES + " skill sources");
        }
        if (sources == sourceSkill.length) {
            int n = sources * 2;
            sourceSkill = Arrays.copyOf(sourceSkill, n);
            sourceList = Arrays.copyOf(sourceList, n);
            sourceEvidence = Arrays.copyOf(sourceEvidence, n);
            sourceOccupation = Arrays.copyOf(sourceOccupation, n);
        }
        sourceSkill[sources] = skill;
        sourceList[sources] = list;
        sourceEvidence[sources] = e;
        sourceOccupation[sources] = occupation;
        return sources++;
    }

    /** What a profile covers: the concepts of the strongest credits, at most {@code limit}, ties to the lower index. */
    record Kept(int[] targets, double[] credits, PreparedProfile.Provenance provenance) {
    }

    /** The strongest concepts, ascending, with their credits and provenance. */
    Kept strongest(int limit) {
        int[] kept = count <= limit ? ascending(0, 0, count) : strongestOfMore(limit);
        int k = kept.length;
        double[] credits = new double[k];
        int[] via = new int[k];
        Relation[] relations = new Relation[k];
        double[] evidence = new double[k];
        int[] occupations = new int[k];
        for (int i = 0; i < k; i++) {
            long v = best[kept[i]];
            credits[i] = Float.intBitsToFloat((int) (v >>> CREDIT_SHIFT) << 15);
            long order = ORDER - (v & ORDER);
            int source = (int) (order >>> POSITION_BITS);
            int position = (int) order & POSITION_MASK;
            int skill = sourceSkill[source];
            if (skill >= 0) {
                via[i] = skill;
                relations[i] = similarity.coverage(skill).relation(position);
            } else {
                OccupationCoverage.Merged m = sourceList[source];
                via[i] = m.via[position];
                relations[i] = m.relations[position];
            }
            evidence[i] = sourceEvidence[source];
            occupations[i] = sourceOccupation[source];
        }
        return new Kept(kept, credits, new PreparedProfile.Provenance(via, relations, evidence, occupations));
    }

    /**
     * The {@code limit} strongest of more touched concepts, ties to the lower index. Credits have 16 bits, so the
     * cut is found by two histograms (high byte, then low byte within the cut's high byte) instead of a quickselect,
     * whose comparisons mispredict about every other time; the passes count without branching.
     */
    private int[] strongestOfMore(int limit) {
        int n = count;
        if (creditBits.length < n) {
            creditBits = new int[Math.max(n, creditBits.length * 2)];
        }
        int[] c = creditBits;
        int[] counts = histogram;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            int credit = (int) (best[touched[i]] >>> CREDIT_SHIFT);
            c[i] = credit;
            counts[credit >>> 8]++;
        }
        int cutHigh = 255;
        int above = 0;   // concepts with a higher credit than any of the cut's high byte (then: than the cut)
        while (above + counts[cutHigh] < limit) {
            above += counts[cutHigh--];
        }
        Arrays.fill(counts, 0);   // now the low bytes of the credits with the cut's high byte
        for (int i = 0; i < n; i++) {
            int credit = c[i];
            counts[credit & 0xFF] += credit >>> 8 == cutHigh ? 1 : 0;
        }
        int cutLow = 255;
        while (above + counts[cutLow] < limit) {
            above += counts[cutLow--];
        }
        int cut = cutHigh << 8 | cutLow;
        return ascending(cut, limit - above, limit);
    }

    /**
     * The touched concepts with a credit above {@code cut}, and the first {@code ties} at it, ascending: a walk of
     * the marks, taking without branching on the (unpredictable) credits.
     */
    private int[] ascending(int cut, int ties, int size) {
        if (walk.length <= size) {
            walk = new int[size + 1];       // the walk writes one past the last taken
        }
        int[] kept = walk;
        int k = 0;
        long[] m = marks;
        for (int w = 0; w < m.length; w++) {
            for (long bits = m[w]; bits != 0; bits &= bits - 1) {
                int r = (w << 6) + Long.numberOfTrailingZeros(bits);
                int credit = (int) (best[r] >>> CREDIT_SHIFT);
                int tie = credit == cut && ties > 0 ? 1 : 0;
                int take = credit > cut ? 1 : tie;
                ties -= tie;
                kept[k] = r;
                k += take;
            }
        }
        return Arrays.copyOf(kept, k);
    }

    void clear() {
        for (int i = 0; i < count; i++) {
            int r = touched[i];
            best[r] = 0;
            marks[r >>> 6] = 0;
        }
        count = 0;
        Arrays.fill(sourceList, 0, sources, null);
        sources = 0;
    }
}
