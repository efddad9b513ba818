package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.werkmatch.matcher.geo.Municipality;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Support;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/** Small random worlds for property tests: a random taxonomy, profiles, vacancies and requests. */
final class RandomWorld {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    final Random rnd;
    final SkillTaxonomy taxonomy;
    final List<String> skills = new ArrayList<>();
    final List<String> occupations = new ArrayList<>();
    final List<Municipality> places;
    final Regions regions = Regions.netherlands();

    RandomWorld(long seed) {
        rnd = new Random(seed);
        SkillTaxonomy.Builder b = SkillTaxonomy.builder("random-" + seed, "1", "nl");
        int roots = 3 + rnd.nextInt(4);
        for (int r = 0; r < roots; r++) {
            String root = "g" + r;
            b.addConcept(root, SkillType.GROUP, Map.of("nl", "Groep " + r), Map.of(), List.of(), List.of());
            skills.add(root);
            int mids = 2 + rnd.nextInt(3);
            for (int m = 0; m < mids; m++) {
                String mid = root + "-m" + m;
                b.addConcept(mid, rnd.nextBoolean() ? SkillType.SKILL : SkillType.KNOWLEDGE,
                        Map.of("nl", "Vaardigheid " + mid), Map.of(), List.of(root), List.of());
                skills.add(mid);
                int leaves = 1 + rnd.nextInt(5);
                for (int l = 0; l < leaves; l++) {
                    String leaf = mid + "-l" + l;
                    b.addConcept(leaf, SkillType.SKILL, Map.of("nl", "Vaardigheid " + leaf), Map.of(), List.of(mid), List.of());
                    skills.add(leaf);
                }
            }
        }
        for (int i = 0; i < skills.size() / 4; i++) {
            String a = pick(skills);
            String c = pick(skills);
            if (!a.equals(c)) {
                b.addRelated(a, c);
            }
        }
        String[] isco = {"7212", "7213", "7214", "9329", "9321", "5120", "5131", "2512"};
        String[] sectors = {"techniek", "productie", "horeca", "ict"};
        int occs = 6 + rnd.nextInt(6);
        for (int o = 0; o < occs; o++) {
            String id = "o" + o;
            b.addOccupation(id, Map.of("nl", "Beroep " + o), Map.of(), isco[rnd.nextInt(isco.length)],
                    rnd.nextInt(4) == 0 ? null : sectors[rnd.nextInt(sectors.length)]);
            Set<String> used = new LinkedHashSet<>();
            for (int s = 0; s < 2 + rnd.nextInt(5); s++) {
                String skill = pick(skills);
                if (used.add(skill)) {
                    b.addOccupationSkill(id, skill, Importance.values()[rnd.nextInt(3)]);
                }
            }
            occupations.add(id);
        }
        taxonomy = b.build();
        // places within and around the Randstad, so that distance filters bite
        List<Municipality> all = new ArrayList<>(regions.municipalities());
        all.removeIf(m -> m.point().lat() < 51.6 || m.point().lat() > 52.6 || m.point().lon() < 4.2 || m.point().lon() > 5.6);
        places = all;
    }

    <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private <E extends Enum<E>> E pick(Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[rnd.nextInt(values.length)];
    }

    Location location() {
        Municipality m = pick(places);
        return switch (rnd.nextInt(5)) {
            case 0 -> Location.point(m.point().lat() + (rnd.nextDouble() - 0.5) * 0.05, m.point().lon() + (rnd.nextDouble() - 0.5) * 0.05);
            default -> Location.municipality(m.code());
        };
    }

    private Cefr level() {
        return Cefr.values()[Math.min(6, rnd.nextInt(4) + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0))];
    }

    private DutchLevels dutch() {
        return new DutchLevels(level(), level(), level(), level());
    }

    private LocalDate date(int spread) {
        return TODAY.plusDays(rnd.nextInt(2 * spread + 1) - spread);
    }

    Profile profile(int i) {
        Profile.Builder b = Profile.builder("p-" + i)
                .workAuthorization(rnd.nextInt(10) < 7 ? WorkAuthorization.FREE
                        : rnd.nextBoolean() ? WorkAuthorization.PERMIT_REQUIRED : WorkAuthorization.NOT_ALLOWED)
                .location(location())
                .maxTravelKm(rnd.nextInt(4) == 0 ? null : 5 + rnd.nextInt(80))
                .dutch(dutch())
                .english(level())
                .education(pick(EducationLevel.class), rnd.nextBoolean())
                .audit(new Audit(rnd.nextBoolean() ? "F" : "M", 1970 + rnd.nextInt(35), "SY"));
        Set<String> used = new LinkedHashSet<>();
        for (int s = rnd.nextInt(7); s > 0; s--) {
            String skill = pick(skills);
            if (used.add(skill)) {
                b.skill(skill, pick(Evidence.class));
            }
        }
        for (int e = rnd.nextInt(3); e > 0; e--) {
            b.experience(pick(occupations), rnd.nextInt(4) == 0 ? 0.5 : 1 + rnd.nextInt(10));
        }
        int min = rnd.nextInt(30);
        b.hours(min, min + rnd.nextInt(60 - min + 1));
        if (rnd.nextInt(3) == 0) {
            b.availableFrom(date(60));
        }
        if (rnd.nextInt(3) > 0) {
            Set<JobType> types = EnumSet.of(JobType.REGULAR);
            if (rnd.nextBoolean()) {
                types.add(pick(JobType.class));
            }
            b.jobTypes(types);
        }
        Set<String> wants = new LinkedHashSet<>();
        for (int w = rnd.nextInt(3); w > 0; w--) {
            wants.add(pick(occupations));
        }
        b.wantedOccupations(new ArrayList<>(wants));
        return b.build();
    }

    Vacancy vacancy(int i) {
        boolean remote = rnd.nextInt(10) == 0;
        Vacancy.Builder b = Vacancy.builder("v-" + i)
                .title("Vacature " + i)
                .employer("Werkgever " + rnd.nextInt(20))
                .occupation(rnd.nextInt(5) == 0 ? null : pick(occupations))
                .location(remote && rnd.nextBoolean() ? null : location())
                .remote(remote)
                .dutch(dutch())
                .englishAccepted(rnd.nextInt(4) == 0 ? level() : Cefr.NONE)
                .languageSupport(rnd.nextBoolean())
                .educationLevel(pick(EducationLevel.class))
                .jobType(rnd.nextInt(3) == 0 ? pick(JobType.class) : JobType.REGULAR)
                .positions(1 + rnd.nextInt(3))
                .permitSponsored(rnd.nextInt(3) == 0);
        if (rnd.nextBoolean()) {
            b.support(Support.JOBCOACH);
        }
        Set<String> used = new LinkedHashSet<>();
        for (int s = rnd.nextInt(7); s > 0; s--) {
            String skill = pick(skills);
            if (used.add(skill)) {
                b.skill(skill, pick(Importance.class));
            }
        }
        if (used.isEmpty() && b.build().occupation() == null) {
            // a vacancy must ask for a skill or name an occupation (whose skills it then asks for)
            b.skill(pick(skills), pick(Importance.class));
        }
        int min = rnd.nextInt(40);
        b.hours(min, min + rnd.nextInt(60 - min + 1));
        if (rnd.nextBoolean()) {
            b.openFrom(date(30));
        }
        if (rnd.nextInt(3) > 0) {
            LocalDate from = b.build().openFrom();
            b.openUntil(from == null ? TODAY.plusDays(rnd.nextInt(90) - 10) : from.plusDays(rnd.nextInt(90)));
        }
        return b.build();
    }

    /** Profiles 0 to n - 1. */
    List<Profile> profiles(int n) {
        List<Profile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(profile(i));
        }
        return out;
    }

    /** Vacancies 0 to n - 1. */
    List<Vacancy> vacancies(int n) {
        List<Vacancy> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(vacancy(i));
        }
        return out;
    }

    /** Writes every record (a random world makes only valid ones, which this checks) and refreshes. */
    static void load(Matcher matcher, List<Profile> profiles, List<Vacancy> vacancies) {
        assertThat(matcher.upsertProfiles(profiles).rejected()).isEmpty();
        assertThat(matcher.upsertVacancies(vacancies).rejected()).isEmpty();
        matcher.refresh();
    }

    /** A scorer of the matcher's own settings, for the brute-force references to prepare records with. */
    static Scorer referenceScorer(Matcher matcher) {
        return new Scorer(matcher.taxonomy(), matcher.scorer().similarity(), matcher.scorer().evidenceWeights(),
                matcher.regions());
    }

    MatchRequest request() {
        MatchRequest.Builder b = MatchRequest.builder()
                // now and then a page deep enough for the candidates query to sum skills to the floor
                .k(rnd.nextInt(4) == 0 ? 40 + rnd.nextInt(30) : 1 + rnd.nextInt(15))
                .offset(rnd.nextInt(3) == 0 ? rnd.nextInt(6) : 0);
        if (rnd.nextInt(3) == 0) {
            b.withinKm(10.0 + rnd.nextInt(80));
        }
        if (rnd.nextInt(5) == 0) {
            b.labourMarketRegion(pick(places).region().name());
        }
        if (rnd.nextInt(6) == 0) {
            b.jobTypes(EnumSet.of(JobType.REGULAR, pick(JobType.class)));
        }
        if (rnd.nextInt(6) == 0) {
            b.workAuthorizations(EnumSet.of(pick(WorkAuthorization.class)));
        }
        if (rnd.nextInt(4) == 0) {
            b.minScore(0.2 + rnd.nextDouble() * 0.4);
        }
        if (rnd.nextInt(5) == 0) {
            b.openOn(date(30));
        }
        b.maxLanguageGap(rnd.nextInt(5));
        b.requireEssentialSkills(rnd.nextInt(5) == 0);
        b.ignoreTravelLimit(rnd.nextInt(4) == 0);
        b.explain(rnd.nextBoolean());
        int floor = rnd.nextInt(6);
        if (floor == 0) {
            b.minSkillFit(0.0);
        } else if (floor <= 3) {
            // up to floors that empty many pages, so that the window often loses rescored hits to the floor
            b.minSkillFit(rnd.nextDouble() * 0.6);
        }
        int weights = rnd.nextInt(6);
        if (weights == 0) {
            // only skills and preference: no clause matches every document, the query needs its match-all clause
            b.weights(ScoringWeights.normalized(0.2 + rnd.nextDouble(), 0, 0, 0, rnd.nextDouble(), 10));
        } else if (weights <= 3) {
            b.weights(ScoringWeights.normalized(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(),
                    rnd.nextDouble(), rnd.nextDouble(), 5 + rnd.nextInt(30)));
        }
        return b.build();
    }

}
