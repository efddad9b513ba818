package nl.werkmatch.matcher.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    private final ConcurrentLinkedQueue<CreditTable> scratch = new ConcurrentLinkedQueue<>();

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
        CreditTable polled = scratch.poll();
        CreditTable table = polled != null ? polled : new CreditTable(taxonomy.size());
        try {
            // The similarity as the credit: the table keeps the first skill reaching the best one.
            for (int q : skills) {
                SkillSimilarity.Neighbourhood nb = similarity.coverage(q);
                for (int i = 0; i < nb.size(); i++) {
                    table.offer(nb.target(i), nb.sim(i), q, nb.relation(i));
                }
            }
            int[] kept;
            boolean trimmed = table.touched() > limit;
            if (!trimmed) {
                kept = table.ascending();
            } else {
                double cut = table.largest(limit);
                if (nearTie(table, cut)) {
                    kept = Arrays.stream(table.ascending()).filter(r -> table.credit[r] * NEAR >= cut).toArray();
                } else {
                    // No other similarity rounds like the cut: the credit order is the similarity order, ties to
                    // the lower target, which is exactly the table's strongest.
                    kept = table.strongest(limit, cut);
                }
            }
            int n = kept.length;
            float[] sims = new float[n];
            int[] via = new int[n];
            Relation[] relations = new Relation[n];
            for (int i = 0; i < n; i++) {
                int r = kept[i];
                sims[i] = (float) table.credit[r];
                via[i] = table.via[r];
                relations[i] = table.relation[r];
            }
            return new Merged(skills, kept, sims, via, relations, trimmed);
        } finally {
            table.clear();
            scratch.offer(table);
        }
    }

    /** Whether a similarity other than the cut lies within a factor {@link #NEAR} of it. */
    private static boolean nearTie(CreditTable table, double cut) {
        for (int i = 0; i < table.touched(); i++) {
            double x = table.credit[table.touchedAt(i)];
            if (x != cut && x * NEAR >= cut && x <= cut * NEAR) {
                return true;
            }
        }
        return false;
    }
}
