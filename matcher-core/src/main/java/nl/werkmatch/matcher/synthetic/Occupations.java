package nl.werkmatch.matcher.synthetic;

import java.util.Arrays;
import java.util.stream.IntStream;

import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/**
 * What the generators need from a taxonomy, precomputed once: occupations with skills in a seeded popularity
 * order, their skill pools, sectors, the skill hierarchy without groups, and a pool of transversal skills.
 */
final class Occupations {
    /** Zipf exponent of occupation popularity: a few occupations are very common, most are rare. */
    static final double POPULARITY_EXPONENT = 1.0;
    /** How much more often a shortage-sector occupation is advertised than its popularity alone says. */
    static final double SHORTAGE_BOOST = 3.0;
    /** The most-shared skills across occupations stand in for transversal skills (any taxonomy, no flag needed). */
    static final int TRANSVERSAL_POOL = 50;

    private static final int[] NONE = new int[0];

    final SkillTaxonomy taxonomy;
    /** Occupation indexes by popularity rank. */
    private final int[] byRank;
    private final Weighted forProfiles;
    private final Weighted forVacancies;

    // Per occupation (taxonomy index). Profiles never claim a GROUP concept; vacancies may ask for one.
    private final int[][] claimableEssential;
    private final int[][] claimableOther;
    private final int[][] essential;
    private final int[][] other;
    private final Sector[] sectors;

    // Per concept: broader concepts (any type), and broader / narrower concepts that are not groups.
    private final int[][] broader;
    private final int[][] broaderClaimable;
    private final int[][] narrowerClaimable;

    private final int[] claimable;
    private final int[] transversal;
    private final Weighted transversalWeights;

    Occupations(SkillTaxonomy taxonomy, long seed) {
        this.taxonomy = taxonomy;
        int n = taxonomy.size();
        boolean[] isClaimable = new boolean[n];
        for (int c = 0; c < n; c++) {
            isClaimable[c] = taxonomy.type(c) != SkillType.GROUP;
        }
        claimable = IntStream.range(0, n).filter(c -> isClaimable[c]).toArray();

        int m = taxonomy.occupationCount();
        essential = new int[m][];
        other = new int[m][];
        claimableEssential = new int[m][];
        claimableOther = new int[m][];
        sectors = new Sector[m];
        int[] sharedBy = new int[n];
        for (int o = 0; o < m; o++) {
            essential[o] = taxonomy.occupationSkills(o, Importance.ESSENTIAL);
            other[o] = concat(taxonomy.occupationSkills(o, Importance.IMPORTANT), taxonomy.occupationSkills(o, Importance.OPTIONAL));
            claimableEssential[o] = filter(essential[o], isClaimable);
            claimableOther[o] = filter(other[o], isClaimable);
            sectors[o] = Sector.of(taxonomy.sector(o), taxonomy.isco(o));
            for (int c : essential[o]) sharedBy[c]++;
            for (int c : other[o]) sharedBy[c]++;
        }

        int[] usable = IntStream.range(0, m)
                .filter(o -> claimableEssential[o].length + claimableOther[o].length > 0)
                .toArray();
        if (usable.length == 0) {
            throw new IllegalArgumentException("taxonomy " + taxonomy.id() + " has no occupation with skills to generate from");
        }
        Rng rng = Rng.of(seed, Rng.WORLD, 1);
        rng.shuffle(usable, usable.length);
        byRank = usable;
        forProfiles = Weighted.zipf(usable.length, POPULARITY_EXPONENT);
        double[] vacancyWeights = new double[usable.length];
        for (int r = 0; r < usable.length; r++) {
            vacancyWeights[r] = forProfiles.probability(r) * (sectors[usable[r]].shortage() ? SHORTAGE_BOOST : 1);
        }
        forVacancies = new Weighted(vacancyWeights);

        broader = new int[n][];
        broaderClaimable = new int[n][];
        narrowerClaimable = new int[n][];
        for (int c = 0; c < n; c++) {
            broader[c] = taxonomy.broader(c);
            broaderClaimable[c] = filter(broader[c], isClaimable);
            narrowerClaimable[c] = filter(taxonomy.narrower(c), isClaimable);
        }

        // Most shared first, ties by index, so the pool is a pure function of the taxonomy.
        Integer[] order = IntStream.range(0, n).filter(c -> isClaimable[c] && sharedBy[c] > 1).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> sharedBy[a] != sharedBy[b] ? Integer.compare(sharedBy[b], sharedBy[a]) : Integer.compare(a, b));
        transversal = Arrays.stream(order).limit(TRANSVERSAL_POOL).mapToInt(Integer::intValue).toArray();
        transversalWeights = transversal.length == 0 ? null
                : new Weighted(Arrays.stream(transversal).mapToDouble(c -> sharedBy[c]).toArray());
    }

    /** An occupation as common among job seekers as its popularity rank says. */
    int forProfile(Rng rng) {
        return byRank[forProfiles.draw(rng)];
    }

    /** An occupation for a vacancy: popularity, boosted in shortage sectors. */
    int forVacancy(Rng rng) {
        return byRank[forVacancies.draw(rng)];
    }

    int usableCount() {
        return byRank.length;
    }

    int[] claimableEssential(int occupation) { return claimableEssential[occupation]; }

    int[] claimableOther(int occupation) { return claimableOther[occupation]; }

    int[] essential(int occupation) { return essential[occupation]; }

    int[] other(int occupation) { return other[occupation]; }

    Sector sector(int occupation) { return sectors[occupation]; }

    /** A skill shared by many occupations, more often the more it is shared; any skill when none is shared. */
    int transversalSkill(Rng rng) {
        return transversalWeights == null ? randomSkill(rng) : transversal[transversalWeights.draw(rng)];
    }

    /** Any concept that is not a group, uniformly. */
    int randomSkill(Rng rng) {
        return rng.pick(claimable);
    }

    /**
     * A hierarchy neighbour of a skill that a person could claim instead: a sibling (half the time, when there is
     * one), else a parent or a child. Returns the skill itself when it has no such neighbour.
     */
    int neighbour(int skill, Rng rng) {
        int[] parents = broaderClaimable[skill];
        int[] children = narrowerClaimable[skill];
        if (broader[skill].length > 0 && rng.chance(0.5)) {
            int[] siblings = narrowerClaimable[rng.pick(broader[skill])];
            if (siblings.length > 1) {
                int s = rng.pick(siblings);
                if (s != skill) {
                    return s;
                }
            }
        }
        if (parents.length > 0 && (children.length == 0 || rng.chance(0.5))) {
            return rng.pick(parents);
        }
        return children.length > 0 ? rng.pick(children) : skill;
    }

    private static int[] filter(int[] concepts, boolean[] keep) {
        int[] out = Arrays.stream(concepts).filter(c -> keep[c]).toArray();
        return out.length == 0 ? NONE : out;
    }

    private static int[] concat(int[] a, int[] b) {
        if (b.length == 0) return a;
        if (a.length == 0) return b;
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
