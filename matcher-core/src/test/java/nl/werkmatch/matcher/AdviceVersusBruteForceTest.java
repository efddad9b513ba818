package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.Suggestion;
import nl.werkmatch.matcher.advice.SuggestionKind;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.ProfileAdvisor;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Advice is exact: on random worlds, each suggestion's patch applied to the profile's exchange-format JSON and
 * recounted by a brute-force scan gives its reachable, unlocks, loses and examples; and no change of the same kind,
 * enumerated here independently and counted by brute force, unlocks more than the first suggestion of that kind.
 */
class AdviceVersusBruteForceTest {

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 35})
    void everySuggestionIsExactAndTheBestOfItsKind(long seed) {
        RandomWorld world = new RandomWorld(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            double floor = matcher.minSkillFit();   // the default skill floor applies to advice too
            List<Profile> profiles = world.profiles(40);
            List<Vacancy> vacancies = world.vacancies(200);
            RandomWorld.load(matcher, profiles, vacancies);
            Scorer scorer = RandomWorld.referenceScorer(matcher);
            List<PreparedVacancy> pvs = vacancies.stream().map(scorer::prepare).toList();
            Map<String, Vacancy> byId = new HashMap<>();
            vacancies.forEach(v -> byId.put(v.id(), v));
            ScoringWeights w = matcher.weights();

            int suggestions = 0;
            int recognitionUnlocks = 0;
            int recognitionLoses = 0;
            for (Profile p : profiles) {
                double minScore = world.rnd.nextInt(3) == 0 ? 0.3 + world.rnd.nextDouble() * 0.2
                        : AdviceRequest.DEFAULT_MIN_SCORE - 0.1 + world.rnd.nextDouble() * 0.2;
                Advice advice = matcher.adviseProfile(p.id(), new AdviceRequest(minScore, AdviceRequest.MAX_LIMIT, null));
                Map<String, Double> base = brute(scorer, p, pvs, minScore, w, floor);
                assertThat(advice.reachable()).as("reachable for " + p.id()).isEqualTo(base.size());
                JsonNode json = matcher.exchangeFormat().toJson(p);
                for (Suggestion s : advice.suggestions()) {
                    Profile changed = matcher.exchangeFormat().readProfile(JsonPatchApply.apply(json, s.patch()));
                    Map<String, Double> after = brute(scorer, changed, pvs, minScore, w, floor);
                    String what = p.id() + " " + s.summary();
                    assertThat(s.reachable()).as(what).isEqualTo(after.size());
                    Set<String> unlocked = new HashSet<>(after.keySet());
                    unlocked.removeAll(base.keySet());
                    Set<String> lost = new HashSet<>(base.keySet());
                    lost.removeAll(after.keySet());
                    assertThat(s.unlocks()).as(what).isEqualTo(unlocked.size());
                    assertThat(s.loses()).as(what).isEqualTo(lost.size());
                    List<String> best = unlocked.stream().sorted(Comparator.comparingDouble((String id) -> after.get(id))
                            .reversed().thenComparing(Comparator.naturalOrder())).limit(3).toList();
                    assertThat(s.examples()).as(what).isEqualTo(best);
                    assertThat(s.unlocks() + s.loses()).as(what + " changes something").isPositive();
                    suggestions++;
                    if (s.kind() == SuggestionKind.DIPLOMA_RECOGNITION) {
                        recognitionUnlocks += s.unlocks() > 0 ? 1 : 0;
                        recognitionLoses += s.loses() > 0 ? 1 : 0;
                    }
                }
                for (int i = 1; i < advice.suggestions().size(); i++) {
                    assertThat(advice.suggestions().get(i).unlocks()).isLessThanOrEqualTo(advice.suggestions().get(i - 1).unlocks());
                }
                Map<SuggestionKind, Integer> mostOfKind = new EnumMap<>(SuggestionKind.class);
                for (Map.Entry<SuggestionKind, Profile> c : considered(p, base, byId, scorer, pvs, w)) {
                    Map<String, Double> after = brute(scorer, c.getValue(), pvs, minScore, w, floor);
                    int unlocks = (int) after.keySet().stream().filter(id -> !base.containsKey(id)).count();
                    mostOfKind.merge(c.getKey(), unlocks, Math::max);
                }
                mostOfKind.forEach((kind, most) -> {
                    if (most > 0) {
                        Suggestion first = advice.suggestions().stream().filter(s -> s.kind() == kind).findFirst()
                                .orElseThrow(() -> new AssertionError(p.id() + ": a " + kind + " change unlocks " + most
                                        + " but no such suggestion"));
                        assertThat(first.unlocks()).as(p.id() + " best " + kind).isEqualTo(most);
                    }
                });
            }
            assertThat(suggestions).as("the worlds must give advice").isGreaterThan(20);
            // an unrecognised diploma counts a level lower: recognition must open matches and cost over-qualified ones
            assertThat(recognitionUnlocks).as("recognitions that unlock").isPositive();
            assertThat(recognitionLoses).as("recognitions that lose").isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43})
    void everyEmployerSuggestionIsExactAndTheBestOfItsKind(long seed) {
        RandomWorld world = new RandomWorld(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            double floor = matcher.minSkillFit();   // the default skill floor applies to advice too
            List<Profile> profiles = world.profiles(300);
            List<Vacancy> vacancies = world.vacancies(30);
            RandomWorld.load(matcher, profiles, vacancies);
            Scorer scorer = RandomWorld.referenceScorer(matcher);
            List<PreparedProfile> pps = profiles.stream().map(scorer::prepare).toList();
            ScoringWeights w = matcher.weights();
            int suggestions = 0;
            for (Vacancy v : vacancies) {
                double minScore = 0.3 + world.rnd.nextDouble() * 0.3;
                Advice advice = matcher.adviseVacancy(v.id(), new AdviceRequest(minScore, AdviceRequest.MAX_LIMIT, null));
                Map<String, Double> base = candidates(scorer, v, pps, minScore, w, floor);
                assertThat(advice.reachable()).as("reachable for " + v.id()).isEqualTo(base.size());
                JsonNode json = matcher.exchangeFormat().toJson(v);
                for (Suggestion s : advice.suggestions()) {
                    Vacancy changed = matcher.exchangeFormat().readVacancy(JsonPatchApply.apply(json, s.patch()));
                    Map<String, Double> after = candidates(scorer, changed, pps, minScore, w, floor);
                    String what = v.id() + " " + s.summary();
                    Set<String> unlocked = new HashSet<>(after.keySet());
                    unlocked.removeAll(base.keySet());
                    Set<String> lost = new HashSet<>(base.keySet());
                    lost.removeAll(after.keySet());
                    assertThat(s.reachable()).as(what).isEqualTo(after.size());
                    assertThat(s.unlocks()).as(what).isEqualTo(unlocked.size());
                    assertThat(s.loses()).as(what).isEqualTo(lost.size());
                    assertThat(s.examples()).as(what).isEqualTo(unlocked.stream().sorted(Comparator
                            .comparingDouble((String id) -> after.get(id)).reversed().thenComparing(Comparator.naturalOrder()))
                            .limit(3).toList());
                    suggestions++;
                }
                Map<SuggestionKind, Integer> mostOfKind = new EnumMap<>(SuggestionKind.class);
                for (Map.Entry<SuggestionKind, Vacancy> c : considered(v, scorer)) {
                    int unlocks = (int) candidates(scorer, c.getValue(), pps, minScore, w, floor).keySet().stream()
                            .filter(id -> !base.containsKey(id)).count();
                    mostOfKind.merge(c.getKey(), unlocks, Math::max);
                }
                mostOfKind.forEach((kind, most) -> {
                    if (most > 0) {
                        Suggestion first = advice.suggestions().stream().filter(s -> s.kind() == kind).findFirst()
                                .orElseThrow(() -> new AssertionError(v.id() + ": a " + kind + " change unlocks " + most
                                        + " but no such suggestion"));
                        assertThat(first.unlocks()).as(v.id() + " best " + kind).isEqualTo(most);
                    }
                });
            }
            assertThat(suggestions).as("the worlds must give employer advice").isGreaterThan(10);
        }
    }

    /** The candidates a vacancy reaches: every hard filter, the skill floor, the score. */
    private static Map<String, Double> candidates(Scorer scorer, Vacancy v, List<PreparedProfile> pps, double minScore,
                                                  ScoringWeights w, double floor) {
        PreparedVacancy pv = scorer.prepare(v);
        MatchRequest r = MatchRequest.builder().minScore(minScore).build();
        Map<String, Double> out = new HashMap<>();
        for (PreparedProfile pp : pps) {
            if (EngineVersusBruteForceTest.admits(pp, pv, r, true) && EngineVersusBruteForceTest.skills(pp, pv) >= floor) {
                double s = Scorer.score(pp, pv, w);
                if (s >= minScore) {
                    out.put(pp.id(), s);
                }
            }
        }
        return out;
    }

    /** The employer's changes of each kind, written from the advice's documentation. */
    private static List<Map.Entry<SuggestionKind, Vacancy>> considered(Vacancy v, Scorer scorer) {
        List<Map.Entry<SuggestionKind, Vacancy>> out = new ArrayList<>();
        for (LanguageSkill s : LanguageSkill.values()) {
            if (v.dutch().get(s) != Cefr.NONE) {
                Map<LanguageSkill, Cefr> d = new EnumMap<>(LanguageSkill.class);
                for (LanguageSkill x : LanguageSkill.values()) {
                    d.put(x, x == s ? Cefr.values()[v.dutch().get(x).ordinal() - 1] : v.dutch().get(x));
                }
                out.add(Map.entry(SuggestionKind.LOWER_DUTCH, v.toBuilder().dutch(levels(d)).build()));
            }
        }
        if (!v.languageSupport()) {
            out.add(Map.entry(SuggestionKind.LANGUAGE_SUPPORT, v.toBuilder().languageSupport(true).build()));
        }
        for (Cefr e : Cefr.values()) {
            if (e != Cefr.NONE && (v.englishAccepted() == Cefr.NONE || e.compareTo(v.englishAccepted()) < 0)) {
                out.add(Map.entry(SuggestionKind.ACCEPT_ENGLISH, v.toBuilder().englishAccepted(e).build()));
            }
        }
        List<nl.werkmatch.matcher.model.SkillRequirement> skills = new ArrayList<>(v.skills());
        if (skills.isEmpty()) {
            var t = scorer.taxonomy();
            int o = t.occupationIndexOf(v.occupation());
            Set<String> seen = new HashSet<>();
            for (Importance imp : Importance.values()) {
                for (int c : t.occupationSkills(o, imp)) {
                    if (seen.add(t.conceptId(c))) {
                        skills.add(new nl.werkmatch.matcher.model.SkillRequirement(t.conceptId(c), imp));
                    }
                }
            }
        }
        for (int i = 0; i < skills.size(); i++) {
            if (skills.get(i).importance() == Importance.ESSENTIAL) {
                List<nl.werkmatch.matcher.model.SkillRequirement> changed = new ArrayList<>(skills);
                changed.set(i, new nl.werkmatch.matcher.model.SkillRequirement(skills.get(i).id(), Importance.IMPORTANT));
                out.add(Map.entry(SuggestionKind.ESSENTIAL_TO_IMPORTANT, v.toBuilder().skills(changed).build()));
            }
        }
        if (v.educationLevel() != EducationLevel.NONE) {
            out.add(Map.entry(SuggestionKind.LOWER_EDUCATION,
                    v.toBuilder().educationLevel(EducationLevel.values()[v.educationLevel().ordinal() - 1]).build()));
        }
        if (!v.permitSponsored()) {
            out.add(Map.entry(SuggestionKind.SPONSOR_PERMIT, v.toBuilder().permitSponsored(true).build()));
        }
        HoursRange h = v.hours();
        out.add(Map.entry(SuggestionKind.HOURS, v.toBuilder().hours(Math.max(0, h.min() - 8), Math.min(60, h.max() + 8)).build()));
        return out;
    }

    /** The vacancies a profile reaches: every hard filter, the skill floor (0: none), the score. */
    private static Map<String, Double> brute(Scorer scorer, Profile p, List<PreparedVacancy> pvs, double minScore,
                                             ScoringWeights w, double floor) {
        PreparedProfile pp = scorer.prepare(p);
        MatchRequest r = MatchRequest.builder().minScore(minScore).build();
        Map<String, Double> out = new HashMap<>();
        for (PreparedVacancy pv : pvs) {
            if (EngineVersusBruteForceTest.admits(pp, pv, r, false) && EngineVersusBruteForceTest.skills(pp, pv) >= floor) {
                double s = Scorer.score(pp, pv, w);
                if (s >= minScore) {
                    out.put(pv.id(), s);
                }
            }
        }
        return out;
    }

    /** The changes of each kind, written from the advice's documentation. */
    private static List<Map.Entry<SuggestionKind, Profile>> considered(Profile p, Map<String, Double> base,
            Map<String, Vacancy> byId, Scorer scorer, List<PreparedVacancy> pvs, ScoringWeights w) {
        List<Map.Entry<SuggestionKind, Profile>> out = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        for (String id : brute(scorer, p, pvs, 0, w, 0).keySet()) {
            if (!base.containsKey(id)) {
                Vacancy v = byId.get(id);
                if (!v.skills().isEmpty()) {
                    v.skills().forEach(s -> asked.add(s.id()));
                } else {
                    var t = scorer.taxonomy();
                    int o = t.occupationIndexOf(v.occupation());
                    for (Importance imp : Importance.values()) {
                        for (int c : t.occupationSkills(o, imp)) {
                            asked.add(t.conceptId(c));
                        }
                    }
                }
            }
        }
        p.skills().forEach(s -> asked.remove(s.id()));
        if (asked.size() <= ProfileAdvisor.MAX_SKILLS) {
            for (String skill : asked) {
                List<SkillClaim> skills = new ArrayList<>(p.skills());
                skills.add(new SkillClaim(skill, Evidence.CERTIFIED));
                out.add(Map.entry(SuggestionKind.LEARN_SKILL, p.toBuilder().skills(skills).build()));
            }
        }
        for (LanguageSkill s : LanguageSkill.values()) {
            if (p.dutch().get(s) != Cefr.C2) {
                Map<LanguageSkill, Cefr> d = new EnumMap<>(LanguageSkill.class);
                for (LanguageSkill x : LanguageSkill.values()) {
                    d.put(x, x == s ? Cefr.values()[p.dutch().get(x).ordinal() + 1] : p.dutch().get(x));
                }
                out.add(Map.entry(SuggestionKind.DUTCH_LEVEL, p.toBuilder().dutch(levels(d)).build()));
            }
        }
        Map<LanguageSkill, Cefr> all = new EnumMap<>(LanguageSkill.class);
        int below = 0;
        for (LanguageSkill x : LanguageSkill.values()) {
            Cefr has = p.dutch().get(x);
            below += has == Cefr.C2 ? 0 : 1;
            all.put(x, has == Cefr.C2 ? has : Cefr.values()[has.ordinal() + 1]);
        }
        if (below > 1) {
            out.add(Map.entry(SuggestionKind.DUTCH_ALL, p.toBuilder().dutch(levels(all)).build()));
        }
        for (Cefr e : Cefr.values()) {
            if (e.compareTo(p.english()) > 0) {
                out.add(Map.entry(SuggestionKind.ENGLISH_LEVEL, p.toBuilder().english(e).build()));
            }
        }
        if (p.education().level() != EducationLevel.NONE && !p.education().recognized()) {
            out.add(Map.entry(SuggestionKind.DIPLOMA_RECOGNITION, p.toBuilder().education(p.education().level(), true).build()));
        }
        if (!p.jobTypes().isEmpty()) {
            for (JobType t : JobType.values()) {
                if (!p.jobTypes().contains(t)) {
                    Set<JobType> types = EnumSet.copyOf(p.jobTypes());
                    types.add(t);
                    out.add(Map.entry(SuggestionKind.JOB_TYPE, p.toBuilder().jobTypes(types).build()));
                }
            }
        }
        HoursRange h = p.hours();
        out.add(Map.entry(SuggestionKind.HOURS, p.toBuilder().hours(Math.max(0, h.min() - 8), Math.min(60, h.max() + 8)).build()));
        if (p.maxTravelKm() != null) {
            for (int km : new int[] {10, 25, 40, 60}) {
                if (km > p.maxTravelKm()) {
                    out.add(Map.entry(SuggestionKind.TRAVEL_DISTANCE, p.toBuilder().maxTravelKm(km).build()));
                    break;
                }
            }
        }
        return out;
    }

    private static DutchLevels levels(Map<LanguageSkill, Cefr> d) {
        return new DutchLevels(d.get(LanguageSkill.LISTENING), d.get(LanguageSkill.READING), d.get(LanguageSkill.SPEAKING),
                d.get(LanguageSkill.WRITING));
    }
}
