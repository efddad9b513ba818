package nl.werkmatch.matcher.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Education;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.InburgeringRoute;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.WorkAuthorization;

/**
 * Makes the i-th job seeker. The shares below are rough pictures of statushouders and asylum seekers in the
 * Netherlands (origins after IND asylum figures of recent years plus Ukrainians; Dutch mostly A1-A2 during
 * inburgering; many without a recognised diploma), not statistics to report from.
 */
final class ProfileMaker {
    /** At most this many skills per profile: ESCO occupations list dozens, people name a handful. */
    static final int MAX_SKILLS = 30;
    static final double DROP = 0.30;
    static final double REPLACE_BY_NEIGHBOUR = 0.10;
    static final double SECOND_OCCUPATION = 0.35;

    private static final Evidence[] EVIDENCE = Evidence.values();

    private record Origin(String country, String language, String alternative, String extra, double extraShare) {
    }

    private static final Choice<Origin> ORIGINS = Choice
            .of(new Origin("SY", "ar", null, "ku", 0.15), 28)
            .or(new Origin("ER", "ti", null, "ar", 0.25), 12)
            .or(new Origin("UA", "uk", null, "ru", 0.60), 9)
            .or(new Origin("AF", "prs", "ps", "fa", 0.20), 9)
            .or(new Origin("TR", "tr", null, "ku", 0.30), 8)
            .or(new Origin("YE", "ar", null, null, 0), 5)
            .or(new Origin("IQ", "ar", null, "ku", 0.30), 5)
            .or(new Origin("IR", "fa", null, "az", 0.10), 4)
            .or(new Origin("SO", "so", null, "ar", 0.30), 4)
            .or(new Origin("ET", "am", "om", "ti", 0.20), 3)
            .or(new Origin("SD", "ar", null, null, 0), 3)
            .or(new Origin("PS", "ar", null, null, 0), 2)
            .or(new Origin("RU", "ru", null, null, 0), 2)
            .or(new Origin("LB", "ar", null, "fr", 0.40), 1)
            .or(new Origin("MA", "ar", null, "fr", 0.50), 1)
            .or(new Origin("GN", "fr", null, "ff", 0.40), 1)
            .or(new Origin("CD", "fr", null, "ln", 0.50), 1)
            .build();

    private static final Choice<WorkAuthorization> AUTHORIZATION = Choice
            .of(WorkAuthorization.FREE, 83).or(WorkAuthorization.PERMIT_REQUIRED, 15).or(WorkAuthorization.NOT_ALLOWED, 2)
            .build();

    private static final Choice<EducationLevel> EDUCATION = Choice
            .of(EducationLevel.NONE, 12).or(EducationLevel.PRIMARY, 20).or(EducationLevel.MBO1, 8)
            .or(EducationLevel.MBO2, 14).or(EducationLevel.MBO3, 10).or(EducationLevel.MBO4, 10)
            .or(EducationLevel.HBO, 14).or(EducationLevel.WO, 12)
            .build();

    // Spoken Dutch; listening, reading and writing are set relative to it.
    private static final Choice<Cefr> SPEAKING = Choice
            .of(Cefr.NONE, 8).or(Cefr.A1, 33).or(Cefr.A2, 33).or(Cefr.B1, 19).or(Cefr.B2, 6).or(Cefr.C1, 1)
            .build();

    private static final Choice<Cefr> ENGLISH = Choice
            .of(Cefr.NONE, 25).or(Cefr.A1, 20).or(Cefr.A2, 22).or(Cefr.B1, 18).or(Cefr.B2, 11).or(Cefr.C1, 4)
            .build();

    private static final Choice<Evidence> EVIDENCE_SHARES = Choice
            .of(Evidence.DECLARED, 75).or(Evidence.ASSESSED, 18).or(Evidence.CERTIFIED, 7)
            .build();

    private static final Choice<HoursRange> HOURS = Choice
            .of(HoursRange.ANY, 10).or(new HoursRange(32, 40), 25).or(new HoursRange(24, 40), 15)
            .or(new HoursRange(24, 32), 15).or(new HoursRange(16, 32), 15).or(new HoursRange(16, 24), 10)
            .or(new HoursRange(12, 20), 5).or(new HoursRange(8, 16), 5)
            .build();

    // 0 stands for no limit (a Choice holds no nulls).
    private static final Choice<Integer> TRAVEL_KM = Choice
            .of(0, 12).or(10, 9).or(15, 13).or(20, 17).or(25, 13).or(30, 13).or(40, 9).or(50, 7).or(60, 7)
            .build();

    private final Occupations occupations;
    private final Places places;
    private final LocalDate today;
    private final long seed;

    ProfileMaker(Occupations occupations, Places places, LocalDate today, long seed) {
        this.occupations = occupations;
        this.places = places;
        this.today = today;
        this.seed = seed;
    }

    Profile make(long index) {
        Rng rng = Rng.of(seed, Rng.PROFILES, index);
        Profile.Builder b = Profile.builder("p-" + index);

        Origin origin = ORIGINS.draw(rng);
        // Ukrainians under temporary protection may work without a permit.
        WorkAuthorization authorization = origin.country().equals("UA") ? WorkAuthorization.FREE : AUTHORIZATION.draw(rng);
        boolean asylumSeeker = authorization != WorkAuthorization.FREE;
        int age = age(rng);
        EducationLevel education = EDUCATION.draw(rng);
        DutchLevels dutch = dutch(education, asylumSeeker, rng);

        b.workAuthorization(authorization)
                .location(Places.location(places.draw(rng), 0.70, 0.22, rng))
                .maxTravelKm(travelKm(rng))
                .dutch(dutch)
                .english(english(education, rng))
                .otherLanguages(languages(origin, rng))
                .education(education, recognised(education, origin, rng))
                .inburgeringRoute(route(origin, asylumSeeker, dutch.speaking(), age, rng))
                .hours(HOURS.draw(rng))
                .availableFrom(rng.chance(0.45) ? null : today.plusDays(rng.between(0, 91)))
                .jobTypes(jobTypes(rng))
                .audit(new Audit(rng.chance(0.64) ? "M" : "F",
                        Math.max(1960, Math.min(2006, today.getYear() - age)), origin.country()));

        int primary = occupations.forProfile(rng);
        int second = rng.chance(SECOND_OCCUPATION) ? occupations.forProfile(rng) : -1;
        if (second == primary) {
            second = -1;
        }
        b.skills(skills(primary, second, rng));

        List<Experience> experience = experience(primary, second, rng);
        b.experience(experience);
        b.wantedOccupations(wants(primary, experience, rng));
        return b.build();
    }

    private List<SkillClaim> skills(int primary, int second, Rng rng) {
        SkillBag bag = new SkillBag(MAX_SKILLS);
        takeFrom(primary, rng.between(12, 25), bag, rng);
        if (second >= 0) {
            takeFrom(second, rng.between(4, 11), bag, rng);
        }
        int extras = rng.between(0, 3);
        for (int i = 0; i < extras; i++) {
            int skill = rng.chance(0.5) ? occupations.transversalSkill(rng) : occupations.randomSkill(rng);
            bag.add(skill, EVIDENCE_SHARES.draw(rng).ordinal());
        }
        if (bag.size() == 0) {
            // Everything was dropped (small occupations): keep one essential skill so every profile has a skill.
            int[] pool = occupations.claimableEssential(primary).length > 0
                    ? occupations.claimableEssential(primary) : occupations.claimableOther(primary);
            bag.add(rng.pick(pool), Evidence.DECLARED.ordinal());
        }
        List<SkillClaim> claims = new ArrayList<>(bag.size());
        for (int i = 0; i < bag.size(); i++) {
            claims.add(new SkillClaim(occupations.taxonomy.conceptId(bag.concept(i)), EVIDENCE[bag.tag(i)]));
        }
        return claims;
    }

    /**
     * Up to {@code target} of an occupation's skills, about two thirds essential; each is then dropped (forgotten,
     * not mentioned) or swapped for a hierarchy neighbour (named more or less specifically) now and then.
     */
    private void takeFrom(int occupation, int target, SkillBag bag, Rng rng) {
        int[] ess = occupations.claimableEssential(occupation);
        int[] oth = occupations.claimableOther(occupation);
        int nEss = Math.min(ess.length, (int) Math.ceil(target * 0.65));
        int nOth = Math.min(oth.length, target - nEss);
        nEss = Math.min(ess.length, target - nOth);
        for (int[] chosen : new int[][] {SkillBag.sample(ess, nEss, rng), SkillBag.sample(oth, nOth, rng)}) {
            for (int skill : chosen) {
                if (rng.chance(DROP)) {
                    continue;
                }
                if (rng.chance(REPLACE_BY_NEIGHBOUR)) {
                    skill = occupations.neighbour(skill, rng);
                }
                bag.add(skill, EVIDENCE_SHARES.draw(rng).ordinal());
            }
        }
    }

    private List<Experience> experience(int primary, int second, Rng rng) {
        double u = rng.nextDouble();
        int count = u < 0.30 ? 0 : u < 0.80 ? 1 : 2;
        List<Experience> out = new ArrayList<>(count);
        int first = rng.chance(0.85) ? primary : occupations.forProfile(rng);
        if (count >= 1) {
            out.add(new Experience(occupations.taxonomy.occupationId(first), years(rng)));
        }
        if (count == 2) {
            int next = second >= 0 ? second : occupations.forProfile(rng);
            if (next != first) {
                out.add(new Experience(occupations.taxonomy.occupationId(next), years(rng)));
            }
        }
        return out;
    }

    private static Integer travelKm(Rng rng) {
        int km = TRAVEL_KM.draw(rng);
        return km == 0 ? null : km;
    }

    /** 0.5 to 15 years in half years, most of them short (an exponential with a mean of three years). */
    private static double years(Rng rng) {
        double years = 0.5 + Math.min(14.5, rng.exponential(3.0));
        return Math.round(years * 2) / 2.0;
    }

    private List<String> wants(int primary, List<Experience> experience, Rng rng) {
        double u = rng.nextDouble();
        int count = u < 0.25 ? 0 : u < 0.75 ? 1 : 2;
        List<String> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String wanted;
            if (k == 0 && !experience.isEmpty() && rng.chance(0.7)) {
                wanted = experience.get(0).occupation();
            } else if (k == 0 && rng.chance(0.5)) {
                wanted = occupations.taxonomy.occupationId(primary);
            } else {
                wanted = occupations.taxonomy.occupationId(occupations.forProfile(rng));
            }
            if (!out.contains(wanted)) {
                out.add(wanted);
            }
        }
        return out;
    }

    /**
     * Dutch per skill around a spoken level: listening usually equal or a step ahead, reading often and writing
     * usually behind, as inburgering results show. Higher education helps; asylum seekers still in the procedure
     * have had no course yet.
     */
    private static DutchLevels dutch(EducationLevel education, boolean asylumSeeker, Rng rng) {
        int speaking = SPEAKING.draw(rng).rank();
        if (education.compareTo(EducationLevel.HBO) >= 0 && rng.chance(0.25)) {
            speaking++;
        }
        if (education.compareTo(EducationLevel.PRIMARY) <= 0 && rng.chance(0.20)) {
            speaking--;
        }
        if (asylumSeeker && rng.chance(0.5)) {
            speaking--;
        }
        speaking = Math.max(0, Math.min(speaking, Cefr.C1.rank()));
        if (speaking == 0) {
            // No spoken Dutch: at most a little listening.
            return new DutchLevels(rng.chance(0.3) ? Cefr.A1 : Cefr.NONE, Cefr.NONE, Cefr.NONE, Cefr.NONE);
        }
        double u = rng.nextDouble();
        int listening = speaking + (u < 0.20 ? 1 : u < 0.85 ? 0 : -1);
        u = rng.nextDouble();
        int reading = speaking + (u < 0.15 ? 1 : u < 0.60 ? 0 : -1);
        u = rng.nextDouble();
        int writing = speaking - (u < 0.35 ? 0 : u < 0.85 ? 1 : 2);
        return new DutchLevels(Cefr.ofRank(listening), Cefr.ofRank(reading), Cefr.ofRank(speaking), Cefr.ofRank(writing));
    }

    private static Cefr english(EducationLevel education, Rng rng) {
        int rank = ENGLISH.draw(rng).rank();
        if (education.compareTo(EducationLevel.HBO) >= 0 && rng.chance(0.4)) {
            rank++;
        }
        return Cefr.ofRank(Math.min(rank, Cefr.C1.rank()));
    }

    private static List<String> languages(Origin origin, Rng rng) {
        List<String> out = new ArrayList<>(2);
        out.add(origin.alternative() != null && rng.chance(0.4) ? origin.alternative() : origin.language());
        if (origin.extra() != null && rng.chance(origin.extraShare())) {
            out.add(origin.extra());
        }
        return out;
    }

    private static boolean recognised(EducationLevel education, Origin origin, Rng rng) {
        if (education.compareTo(EducationLevel.MBO1) < 0) {
            return false;
        }
        return rng.chance(origin.country().equals("UA") ? 0.35 : 0.12);
    }

    /**
     * The route fits the level: the Z-route (target A1) for those who find learning Dutch hardest, the
     * onderwijsroute for young people heading for education, none for asylum seekers (no duty yet) and Ukrainians
     * (no duty at all).
     */
    private static InburgeringRoute route(Origin origin, boolean asylumSeeker, Cefr speaking, int age, Rng rng) {
        if (asylumSeeker || origin.country().equals("UA")) {
            return InburgeringRoute.NONE;
        }
        double u = rng.nextDouble();
        InburgeringRoute route;
        if (speaking.rank() <= Cefr.A1.rank()) {
            route = u < 0.50 ? InburgeringRoute.Z : u < 0.85 ? InburgeringRoute.B1 : InburgeringRoute.NONE;
        } else if (speaking == Cefr.A2) {
            route = u < 0.10 ? InburgeringRoute.Z : u < 0.78 ? InburgeringRoute.B1 : u < 0.88 ? InburgeringRoute.ONDERWIJS : InburgeringRoute.NONE;
        } else {
            route = u < 0.45 ? InburgeringRoute.B1 : u < 0.70 ? InburgeringRoute.ONDERWIJS : InburgeringRoute.NONE;
        }
        return route == InburgeringRoute.ONDERWIJS && age >= 30 ? InburgeringRoute.B1 : route;
    }

    /** Mostly 20 to 40, a tail up to about 65. */
    private static int age(Rng rng) {
        int age = 19 + rng.nextInt(11) + rng.nextInt(11);
        return rng.chance(0.15) ? age + rng.between(10, 25) : age;
    }

    /** Often any job; else regular work, sometimes with or only trajectories towards it. */
    private static Set<JobType> jobTypes(Rng rng) {
        if (rng.chance(0.35)) {
            return Set.of();
        }
        Set<JobType> types = EnumSet.noneOf(JobType.class);
        if (rng.chance(0.88)) types.add(JobType.REGULAR);
        if (rng.chance(0.25)) types.add(JobType.LEERWERKTRAJECT);
        if (rng.chance(0.15)) types.add(JobType.WERKERVARINGSPLAATS);
        if (rng.chance(0.10)) types.add(JobType.STARTBAAN);
        if (rng.chance(0.10)) types.add(JobType.PROEFPLAATSING);
        if (rng.chance(0.08)) types.add(JobType.STAGE);
        if (rng.chance(0.08)) types.add(JobType.VRIJWILLIGERSWERK);
        if (types.isEmpty()) {
            types.add(JobType.REGULAR);
        }
        return types;
    }
}
