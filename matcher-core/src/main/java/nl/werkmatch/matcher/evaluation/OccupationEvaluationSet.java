package nl.werkmatch.matcher.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/**
 * A graded evaluation world made from a taxonomy's own occupations (ESCO's occupation-skill relations and ISCO
 * codes in the tests): vacancies that ask for part of an occupation's skills, job seekers whose trade is an
 * occupation and whose skills are shown the way the people this library serves show them, and outcomes graded by
 * how close the two occupations are in ISCO.
 *
 * <p>Occupations are taken in families: ISCO minor groups (3 digits) with at least two unit groups (4 digits)
 * with at least two usable occupations each, so that every grade occurs. Relevance of a (profile, vacancy) pair:
 * the same occupation HIRED (3), the same unit group INTERVIEWED (2), the same minor group PROPOSED (1); every
 * other pair has no outcome (0). Ranking them well takes the skill side of the engine: everyone lives in the same
 * municipality, speaks Dutch at A2 as every vacancy asks, may work and has no level, so distance, language and
 * level are the same for all pairs, and this set says nothing about their weights.
 *
 * <p>A vacancy asks for up to {@link #VACANCY_ESSENTIALS} of its occupation's essential skills (ESSENTIAL) and
 * up to 3 of its optional ones (OPTIONAL). A job seeker is one of three kinds:
 * <ul>
 *   <li>declared (40%): each essential skill of the trade named exactly (45%), by a broader skill (15%), by a
 *       narrower one (10%) or not at all; each optional skill exactly at 15%;</li>
 *   <li>mixed (35%): half those chances, plus 1-6 years of work experience in the trade;</li>
 *   <li>experience only (25%): at most two skills named, plus 1-6 years of experience, in 30% of cases in another
 *       occupation of the same unit group (a job abroad that the consultant filed under a neighbouring title).</li>
 * </ul>
 * Everyone also names 0-3 skills of an unrelated occupation; 30% want their own trade, 10% another occupation.
 *
 * @param occupationOf the occupation id of every profile and vacancy, by record id
 */
public record OccupationEvaluationSet(List<Profile> profiles, List<Vacancy> vacancies, List<Outcome> outcomes,
                                      Map<String, String> occupationOf) {

    /** How many essential skills a vacancy asks for at most. */
    public static final int VACANCY_ESSENTIALS = 8;
    /** Where everyone lives: Utrecht. */
    public static final String MUNICIPALITY = "GM0344";

    private static final int MIN_ESSENTIALS = 4;

    public OccupationEvaluationSet {
        profiles = List.copyOf(profiles);
        vacancies = List.copyOf(vacancies);
        outcomes = List.copyOf(outcomes);
        occupationOf = Map.copyOf(occupationOf);
    }

    /**
     * How big a set to make.
     *
     * @param occupations how many occupations at most (in whole families)
     * @param profilesPerOccupation job seekers per occupation
     * @param vacanciesPerOccupation vacancies per occupation
     */
    public record Size(int occupations, int profilesPerOccupation, int vacanciesPerOccupation) {
        public Size {
            if (occupations < 4 || profilesPerOccupation < 1 || vacanciesPerOccupation < 1) {
                throw new InvalidInputException("size", "needs at least 4 occupations and one profile and vacancy each");
            }
        }
    }

    /** The ISCO minor group (3 digits) of an occupation of this set. */
    public static String minorGroup(SkillTaxonomy t, String occupationId) {
        return t.isco(t.occupationIndexOf(occupationId)).substring(0, 3);
    }

    /** Builds a set; the same taxonomy, size and seed give the same set. */
    public static OccupationEvaluationSet build(SkillTaxonomy taxonomy, Size size, long seed) {
        Objects.requireNonNull(taxonomy, "taxonomy");
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> chosen = chooseOccupations(taxonomy, size.occupations(), random);
        if (chosen.size() < 4) {
            throw new InvalidInputException("taxonomy", "has too few occupations in ISCO families of two unit groups "
                    + "with two occupations of " + MIN_ESSENTIALS + "+ essential skills each to make an evaluation set");
        }
        Map<String, String> occupationOf = new HashMap<>();
        List<Vacancy> vacancies = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        Map<String, List<Integer>> byUnit = new TreeMap<>();
        for (int o : chosen) {
            byUnit.computeIfAbsent(taxonomy.isco(o), u -> new ArrayList<>()).add(o);
        }
        for (int o : chosen) {
            for (int j = 0; j < size.vacanciesPerOccupation(); j++) {
                Vacancy v = vacancy(taxonomy, o, "v-" + vacancies.size(), random);
                vacancies.add(v);
                occupationOf.put(v.id(), taxonomy.occupationId(o));
            }
            for (int j = 0; j < size.profilesPerOccupation(); j++) {
                Profile p = profile(taxonomy, o, byUnit.get(taxonomy.isco(o)), chosen, "p-" + profiles.size(), random);
                profiles.add(p);
                occupationOf.put(p.id(), taxonomy.occupationId(o));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Vacancy v : vacancies) {
            String vo = occupationOf.get(v.id());
            String vIsco = taxonomy.isco(taxonomy.occupationIndexOf(vo));
            for (Profile p : profiles) {
                String po = occupationOf.get(p.id());
                String pIsco = taxonomy.isco(taxonomy.occupationIndexOf(po));
                OutcomeKind kind = po.equals(vo) ? OutcomeKind.HIRED
                        : pIsco.equals(vIsco) ? OutcomeKind.INTERVIEWED
                        : pIsco.regionMatches(0, vIsco, 0, 3) ? OutcomeKind.PROPOSED : null;
                if (kind != null) {
                    outcomes.add(new Outcome(p.id(), v.id(), kind, null));
                }
            }
        }
        return new OccupationEvaluationSet(profiles, vacancies, outcomes, occupationOf);
    }

    /** Whole families, in a seeded order, until the number of occupations is reached. */
    private static List<Integer> chooseOccupations(SkillTaxonomy t, int wanted, SplittableRandom random) {
        Map<String, Map<String, List<Integer>>> families = new TreeMap<>();
        for (int o = 0; o < t.occupationCount(); o++) {
            String isco = t.isco(o);
            if (isco == null || isco.length() != 4 || claimable(t, t.occupationSkills(o, Importance.ESSENTIAL)).size() < MIN_ESSENTIALS) {
                continue;
            }
            families.computeIfAbsent(isco.substring(0, 3), g -> new TreeMap<>())
                    .computeIfAbsent(isco, u -> new ArrayList<>()).add(o);
        }
        List<List<Integer>> usable = new ArrayList<>();
        for (Map<String, List<Integer>> units : families.values()) {
            List<List<Integer>> goodUnits = new ArrayList<>();
            for (List<Integer> occs : units.values()) {
                if (occs.size() >= 2) {
                    List<Integer> shuffled = new ArrayList<>(occs);
                    shuffle(shuffled, random);
                    goodUnits.add(shuffled.subList(0, Math.min(3, shuffled.size())));
                }
            }
            if (goodUnits.size() >= 2) {
                shuffle(goodUnits, random);
                List<Integer> family = new ArrayList<>();
                goodUnits.subList(0, Math.min(3, goodUnits.size())).forEach(family::addAll);
                usable.add(family);
            }
        }
        shuffle(usable, random);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> family : usable) {
            if (chosen.size() + family.size() > wanted) {
                continue;
            }
            chosen.addAll(family);
        }
        return chosen;
    }

    private static Vacancy vacancy(SkillTaxonomy t, int o, String id, SplittableRandom random) {
        List<Integer> essential = claimable(t, t.occupationSkills(o, Importance.ESSENTIAL));
        List<Integer> optional = claimable(t, t.occupationSkills(o, Importance.OPTIONAL));
        shuffle(essential, random);
        shuffle(optional, random);
        int n = Math.min(VACANCY_ESSENTIALS, essential.size());
        n = Math.max(Math.min(MIN_ESSENTIALS, essential.size()), n - random.nextInt(3));
        Vacancy.Builder b = Vacancy.builder(id).title(t.occupationLabel(o, t.defaultLanguage())).employer("evaluation")
                .occupation(t.occupationId(o)).location(Location.municipality(MUNICIPALITY))
                .dutch(DutchLevels.uniform(Cefr.A2));
        for (int i = 0; i < n; i++) {
            b.skill(t.conceptId(essential.get(i)), Importance.ESSENTIAL);
        }
        int extra = Math.min(optional.size(), random.nextInt(4));
        for (int i = 0; i < extra; i++) {
            b.skill(t.conceptId(optional.get(i)), Importance.OPTIONAL);
        }
        return b.build();
    }

    private static Profile profile(SkillTaxonomy t, int o, List<Integer> unit, List<Integer> chosen, String id,
                                   SplittableRandom random) {
        double kind = random.nextDouble();
        boolean experienceOnly = kind >= 0.75;
        boolean mixed = kind >= 0.40 && !experienceOnly;
        double chance = mixed ? 0.5 : 1.0;
        Set<Integer> skills = new LinkedHashSet<>();
        List<Integer> essential = claimable(t, t.occupationSkills(o, Importance.ESSENTIAL));
        if (experienceOnly) {
            shuffle(essential, random);
            skills.addAll(essential.subList(0, random.nextInt(3)));
        } else {
            for (int s : essential) {
                double r = random.nextDouble();
                if (r < 0.45 * chance) {
                    skills.add(s);
                } else if (r < 0.60 * chance) {
                    pick(t, t.broader(s), random).ifPresent(skills::add);
                } else if (r < 0.70 * chance) {
                    pick(t, t.narrower(s), random).ifPresent(skills::add);
                }
            }
            for (int s : claimable(t, t.occupationSkills(o, Importance.OPTIONAL))) {
                if (random.nextDouble() < 0.15 * chance) {
                    skills.add(s);
                }
            }
        }
        int other = chosen.get(random.nextInt(chosen.size()));
        if (other != o) {
            List<Integer> noise = claimable(t, t.occupationSkills(other, Importance.ESSENTIAL));
            shuffle(noise, random);
            skills.addAll(noise.subList(0, Math.min(noise.size(), random.nextInt(4))));
        }
        Profile.Builder b = Profile.builder(id).workAuthorization(WorkAuthorization.FREE)
                .location(Location.municipality(MUNICIPALITY)).dutch(DutchLevels.uniform(Cefr.A2));
        for (int s : skills) {
            double e = random.nextDouble();
            b.skill(t.conceptId(s), e < 0.8 ? Evidence.DECLARED : e < 0.9 ? Evidence.ASSESSED : Evidence.CERTIFIED);
        }
        if (mixed || experienceOnly) {
            int where = o;
            if (experienceOnly && random.nextDouble() < 0.3) {
                List<Integer> neighbours = new ArrayList<>(unit);
                neighbours.remove(Integer.valueOf(o));
                if (!neighbours.isEmpty()) {
                    where = neighbours.get(random.nextInt(neighbours.size()));
                }
            }
            b.experience(t.occupationId(where), 1 + random.nextInt(6));
        }
        double wants = random.nextDouble();
        if (wants < 0.3) {
            b.wantedOccupation(t.occupationId(o));
        } else if (wants < 0.4) {
            b.wantedOccupation(t.occupationId(other));
        }
        return b.build();
    }

    private static java.util.Optional<Integer> pick(SkillTaxonomy t, int[] options, SplittableRandom random) {
        List<Integer> ok = claimable(t, options);
        return ok.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ok.get(random.nextInt(ok.size())));
    }

    /** The concepts a person can claim (no skill groups). */
    private static List<Integer> claimable(SkillTaxonomy t, int[] concepts) {
        List<Integer> out = new ArrayList<>(concepts.length);
        for (int c : concepts) {
            if (t.type(c) != SkillType.GROUP) {
                out.add(c);
            }
        }
        return out;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
