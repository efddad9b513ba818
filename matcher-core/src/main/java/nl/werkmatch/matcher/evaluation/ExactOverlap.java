package nl.werkmatch.matcher.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * The plain baseline a team would build first: rank by the share of the vacancy's required skills that the
 * profile declares exactly (no similar skills, no experience, no place or language, no filters). Ties, which are
 * many, go in an order fixed by the seed and the ids, neither by the engine's order nor by the outcomes. Records
 * sharing no skill are not ranked at all. Holds every record's skills as ints: memory in proportion to the data.
 */
final class ExactOverlap {
    private final String[] profileIds;
    private final int[][] profileSkills;
    private final String[] vacancyIds;
    private final int[][] vacancySkills;
    private final Map<String, Integer> profileIndex = new HashMap<>();
    private final Map<String, Integer> vacancyIndex = new HashMap<>();
    /** Per concept, the profiles that declare it and the vacancies that ask for it. */
    private final int[][] profilesWith;
    private final int[][] vacanciesWith;
    private final long seed;

    ExactOverlap(Matcher matcher, long seed) {
        this.seed = seed;
        SkillTaxonomy t = matcher.taxonomy();
        List<String> pIds = new ArrayList<>();
        List<int[]> pSkills = new ArrayList<>();
        matcher.forEachProfile(p -> {
            pIds.add(p.id());
            pSkills.add(p.skills().stream().map(SkillClaim::id).mapToInt(t::indexOf).filter(i -> i >= 0)
                    .distinct().sorted().toArray());
        });
        List<String> vIds = new ArrayList<>();
        List<int[]> vSkills = new ArrayList<>();
        matcher.forEachVacancy(v -> {
            vIds.add(v.id());
            vSkills.add(v.skills().stream().map(SkillRequirement::id).mapToInt(t::indexOf).filter(i -> i >= 0)
                    .distinct().sorted().toArray());
        });
        profileIds = pIds.toArray(String[]::new);
        profileSkills = pSkills.toArray(int[][]::new);
        vacancyIds = vIds.toArray(String[]::new);
        vacancySkills = vSkills.toArray(int[][]::new);
        for (int i = 0; i < profileIds.length; i++) {
            profileIndex.put(profileIds[i], i);
        }
        for (int i = 0; i < vacancyIds.length; i++) {
            vacancyIndex.put(vacancyIds[i], i);
        }
        profilesWith = invert(profileSkills, t.size());
        vacanciesWith = invert(vacancySkills, t.size());
    }

    boolean hasProfile(String id) {
        return profileIndex.containsKey(id);
    }

    boolean hasVacancy(String id) {
        return vacancyIndex.containsKey(id);
    }

    /** The profiles sharing a skill with the vacancy, best share first, at most {@code depth}. */
    List<String> candidates(String vacancyId, int depth) {
        int[] required = vacancySkills[vacancyIndex.get(vacancyId)];
        Map<Integer, Integer> common = new HashMap<>();
        for (int c : required) {
            for (int p : profilesWith[c]) {
                common.merge(p, 1, Integer::sum);
            }
        }
        return top(common, profileIds, p -> required.length, depth);
    }

    /** The vacancies sharing a skill with the profile, best share of their requirements first. */
    List<String> vacancies(String profileId, int depth) {
        int[] has = profileSkills[profileIndex.get(profileId)];
        Map<Integer, Integer> common = new HashMap<>();
        for (int c : has) {
            for (int v : vacanciesWith[c]) {
                common.merge(v, 1, Integer::sum);
            }
        }
        return top(common, vacancyIds, v -> vacancySkills[v].length, depth);
    }

    private List<String> top(Map<Integer, Integer> common, String[] ids, java.util.function.IntUnaryOperator denominator,
                             int depth) {
        record Scored(int index, double share, long tie) {
        }
        List<Scored> all = new ArrayList<>(common.size());
        common.forEach((i, n) -> all.add(new Scored(i, (double) n / denominator.applyAsInt(i), tieOrder(ids[i]))));
        all.sort((a, b) -> a.share != b.share ? Double.compare(b.share, a.share) : Long.compare(a.tie, b.tie));
        List<String> out = new ArrayList<>(Math.min(depth, all.size()));
        for (int i = 0; i < Math.min(depth, all.size()); i++) {
            out.add(ids[all.get(i).index]);
        }
        return out;
    }

    /** A seeded pseudo-random order of ids (SplitMix64 of the seed and the id's hash). */
    private long tieOrder(String id) {
        long z = seed * 0x9E3779B97F4A7C15L + id.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int[][] invert(int[][] sets, int concepts) {
        int[] counts = new int[concepts];
        for (int[] s : sets) {
            for (int c : s) {
                counts[c]++;
            }
        }
        int[][] lists = new int[concepts][];
        for (int c = 0; c < concepts; c++) {
            lists[c] = new int[counts[c]];
        }
        Arrays.fill(counts, 0);
        for (int i = 0; i < sets.length; i++) {
            for (int c : sets[i]) {
                lists[c][counts[c]++] = i;
            }
        }
        return lists;
    }
}
