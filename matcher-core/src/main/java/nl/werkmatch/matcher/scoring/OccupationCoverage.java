package nl.werkmatch.matcher.scoring;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.taxonomy.Relation;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * What experience in one occupation covers, per relevance: the neighbourhoods of all the occupation's skills at
 * that relevance merged into one list (target, best similarity, the skill giving it). Experience gives every
 * such skill the same evidence e, and {@code credit = indexable(sim * e)} is monotone in sim, so the best credit
 * of a target is {@code indexable(maxSim * e)}: one walk of the merged list gives exactly the credits of ~40
 * neighbourhood walks (on ESCO).
 *
 * <p>The via skill is the first skill of the occupation's list reaching the highest similarity. The per-skill
 * walk kept the first skill reaching the highest <em>credit</em>; the two differ only when two different
 * similarities round to exactly the same credit, and then the higher similarity wins here. With the default
 * similarities (at least 10% apart) that never happens.
 *
 * <p>A list is trimmed to what can still be among a profile's {@code limit} strongest credits (ties to the lower
 * concept index): a target with {@code limit} others of the same list strictly ahead of it has them ahead in the
 * whole profile too, since a profile's credit is the maximum over its offers. Credits are rounded to 9 bits, so
 * similarities within a factor {@code 1 + 2^-6} might round to the same credit; where such a near-tie sits at the
 * cut, everything within that factor of the cut is kept. The argument needs {@code sim * e} to be a normal
 * float; {@link Merged#exactFor} says when it is (always, unless an evidence weight is absurdly small).
 *
 * <p>Built lazily per (occupation, relevance) and kept: at most {@code limit} entries (16 bytes each) per list
 * unless near-ties widen the cut, so about 2 KB per list, 3 lists per occupation (about 18 MB if every ESCO
 * occupation is used). Thread-safe: concurrent builders of one list build equal lists and one wins.
 */
final class OccupationCoverage {
    /** Similarities closer than this factor may round to the same 9-bit credit (2^-8 plus float rounding). */
    private static final double NEAR = 1 + 0x1p-6;
    /** Products above this are normal floats with room to spare, so the rounding argument holds. */
    private static final double NORMAL = 0x1p-100;
    private static final Importance[] RELEVANCES = Importance.values();

    private final SkillTaxonomy taxonomy;
    private final SkillSimilarity similarity;
    private final int limit;
    private final AtomicReferenceArray<Merged> lists;   // occupation * 3 + relevance ordinal

    OccupationCoverage(SkillTaxonomy taxonomy, SkillSimilarity similarity, int limit) {
        this.taxonomy = taxonomy;
        this.similarity = similarity;
        this.limit = limit;
        this.lists = new AtomicReferenceArray<>(taxonomy.occupationCount() * RELEVANCES.length);
    }

    /** The merged coverage of an occupation's skills at one relevance. */
    Merged of(int occupation, Importance relevance) {
        int slot = occupation * RELEVANCES.length + relevance.ordinal();
        Merged m = lists.get(slot);
        if (m == null) {
            m = build(taxonomy.occupationSkills(occupation, relevance));
            if (!lists.compareAndSet(slot, null, m)) {
                m = lists.get(slot);
            }
        }
        return m;
    }

    /** One merged, possibly trimmed list, ascending by target. */
    static final class Merged {
        final int[] skills;        // the occupation's skills at this relevance, for the per-skill fallback
        final int[] targets;
        final float[] sims;
        final int[] via;
        final Relation[] relations;
        final float minSim;        // the smallest similarity kept, when trimmed
        final boolean trimmed;

        Merged(int[] skills, int[] targets, float[] sims, int[] via, Relation[] relations, boolean trimmed) {
            this.skills = skills;
            this.targets = targets;
            this.sims = sims;
            this.via = via;
            this.relations = relations;
            this.trimmed = trimmed;
            float min = 1;
            for (float s : sims) {
                min = Math.min(min, s);
            }
            this.minSim = min;
        }

        int size() { return targets.length; }

        /** Whether the list gives exactly the per-skill walk's credits at evidence e. */
        boolean exactFor(double e) {
            return !trimmed || minSim * e >= NORMAL;
        }
    }

    private Merged build(int[] skills) {
        int total = 0;
        for (int q : skills) {
            total += similarity.coverage(q).size();
        }
        // Every (target, offer order) pair; sorting groups a target's offers in the order the walk made them.
        long[] keys = new long[total];
        float[] offerSim = new float[total];
        int[] offerVia = new int[total];
        Relation[] offerRel = new Relation[total];
        int k = 0;
        for (int q : skills) {
            SkillSimilarity.Neighbourhood nb = similarity.coverage(q);
            for (int i = 0; i < nb.size(); i++) {
                keys[k] = ((long) nb.target(i) << 32) | k;
                offerSim[k] = nb.sim(i);
                offerVia[k] = q;
                offerRel[k] = nb.relation(i);
                k++;
            }
        }
        Arrays.sort(keys);
        int[] targets = new int[total];
        int[] best = new int[total];      // offer index of the first best similarity per target
        int m = 0;
        for (int i = 0; i < total; i++) {
            int target = (int) (keys[i] >>> 32);
            int offer = (int) keys[i];
            if (m > 0 && targets[m - 1] == target) {
                if (offerSim[offer] > offerSim[best[m - 1]]) {
                    best[m - 1] = offer;
                }
            } else {
                targets[m] = target;
                best[m] = offer;
                m++;
            }
        }
        boolean[] keep = cut(targets, best, offerSim, m);
        int kept = 0;
        for (int i = 0; i < m; i++) {
            kept += keep == null || keep[i] ? 1 : 0;
        }
        int[] t = new int[kept];
        float[] s = new float[kept];
        int[] v = new int[kept];
        Relation[] r = new Relation[kept];
        int j = 0;
        for (int i = 0; i < m; i++) {
            if (keep == null || keep[i]) {
                t[j] = targets[i];
                s[j] = offerSim[best[i]];
                v[j] = offerVia[best[i]];
                r[j] = offerRel[best[i]];
                j++;
            }
        }
        return new Merged(skills, t, s, v, r, keep != null);
    }

    /** Which of the m merged targets to keep, or null for all; see the class comment. */
    private boolean[] cut(int[] targets, int[] best, float[] offerSim, int m) {
        if (m <= limit) {
            return null;
        }
        float[] sorted = new float[m];
        for (int i = 0; i < m; i++) {
            sorted[i] = offerSim[best[i]];
        }
        Arrays.sort(sorted);
        float cut = sorted[m - limit];   // the limit-th largest similarity
        boolean nearTie = false;
        for (float x : sorted) {
            if (x != cut && x * NEAR >= cut && x <= cut * NEAR) {
                nearTie = true;
                break;
            }
        }
        boolean[] keep = new boolean[m];
        if (nearTie) {
            for (int i = 0; i < m; i++) {
                keep[i] = offerSim[best[i]] * NEAR >= cut;
            }
            return keep;
        }
        // No other similarity rounds like the cut: the credit order is the similarity order, ties to the lower
        // target, so keep exactly the limit first (targets ascend, so equal similarities are taken in order).
        int above = 0;
        for (int i = 0; i < m; i++) {
            if (offerSim[best[i]] > cut) {
                keep[i] = true;
                above++;
            }
        }
        for (int i = 0, left = limit - above; i < m && left > 0; i++) {
            if (offerSim[best[i]] == cut) {
                keep[i] = true;
                left--;
            }
        }
        return keep;
    }
}
