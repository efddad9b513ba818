package nl.werkmatch.matcher.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Support;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/** Makes the i-th vacancy from an occupation: its skills, a sector's Dutch requirement, a place and dates. */
final class VacancyMaker {
    static final int MAX_SKILLS = 15;
    static final int EMPLOYERS_PER_SECTOR = 16;
    static final double LANGUAGE_SUPPORT = 0.40;
    static final double PERMIT_SPONSORED = 0.20;
    /** Of ICT vacancies, the share that is remote: 2-3% of all vacancies on ESCO, depending on the seed. */
    static final double REMOTE_ICT = 0.6;

    private static final Importance[] IMPORTANCE = Importance.values();

    // Invented place-like names: no real firms, no persons.
    private static final String[] EMPLOYER_PLACES = {
        "Noord", "Zuid", "Oost", "West", "Midden", "De Linde", "Het Anker", "De Brug", "Polderland", "Rivierenland",
        "Kustlijn", "Horizon", "Delta", "De Vallei", "Duinzicht", "Heidehof", "Veenland", "Waalkant", "IJsselstroom",
        "Maasoever", "De Meent", "Zonnehoek", "Lindenhof", "De Kempen"};
    private static final String[] EMPLOYER_SUFFIXES = {" BV", " B.V.", " Groep", "", " Nederland", " & Partners"};

    private static final Choice<JobType> JOB_TYPE = Choice
            .of(JobType.REGULAR, 78).or(JobType.STARTBAAN, 5).or(JobType.LEERWERKTRAJECT, 7)
            .or(JobType.WERKERVARINGSPLAATS, 4).or(JobType.PROEFPLAATSING, 3).or(JobType.STAGE, 2)
            .or(JobType.VRIJWILLIGERSWERK, 1)
            .build();

    private static final Choice<HoursRange> HOURS = Choice
            .of(new HoursRange(32, 40), 45).or(new HoursRange(24, 32), 25).or(new HoursRange(16, 24), 15)
            .or(new HoursRange(12, 20), 5).or(new HoursRange(0, 40), 10)
            .build();

    private static final Choice<Integer> POSITIONS = Choice.of(1, 50).or(2, 20).or(3, 14).or(4, 8).or(5, 8).build();

    private static final Choice<Cefr> ENGLISH_LEVEL = Choice.of(Cefr.A2, 30).or(Cefr.B1, 45).or(Cefr.B2, 25).build();

    /** The level a job is pitched at by ISCO major group (index 0-9), and for occupations without ISCO (10). */
    private static final List<Choice<EducationLevel>> EDUCATION_BY_ISCO_MAJOR = List.of(
            education(0, 0, 0, 50, 40, 10, 0, 0),     // 0 armed forces
            education(0, 0, 0, 0, 0, 30, 50, 20),     // 1 managers
            education(0, 0, 0, 0, 0, 0, 50, 50),      // 2 professionals
            education(0, 0, 0, 0, 10, 70, 20, 0),     // 3 technicians and associate professionals
            education(0, 0, 0, 30, 50, 20, 0, 0),     // 4 clerical support
            education(0, 0, 20, 60, 20, 0, 0, 0),     // 5 service and sales
            education(20, 0, 40, 40, 0, 0, 0, 0),     // 6 agriculture
            education(0, 0, 10, 50, 40, 0, 0, 0),     // 7 craft and trades
            education(20, 0, 30, 50, 0, 0, 0, 0),     // 8 plant and machine operators
            education(60, 10, 30, 0, 0, 0, 0, 0),     // 9 elementary occupations
            education(40, 0, 0, 30, 20, 0, 10, 0));   // unknown

    private final Occupations occupations;
    private final Places places;
    private final LocalDate today;
    private final long seed;
    private final Map<Sector, List<String>> employers;
    private final Weighted employerPopularity = Weighted.zipf(EMPLOYERS_PER_SECTOR, 1.0);

    VacancyMaker(Occupations occupations, Places places, LocalDate today, long seed) {
        this.occupations = occupations;
        this.places = places;
        this.today = today;
        this.seed = seed;
        this.employers = employers(seed);
    }

    Vacancy make(long index) {
        Rng rng = Rng.of(seed, Rng.VACANCIES, index);
        SkillTaxonomy taxonomy = occupations.taxonomy;
        int occupation = occupations.forVacancy(rng);
        Sector sector = occupations.sector(occupation);
        Vacancy.Builder b = Vacancy.builder("v-" + index).occupation(taxonomy.occupationId(occupation));

        b.skills(skills(occupation, rng));

        Places.Place place = places.draw(rng);
        boolean remote = sector == Sector.ICT && rng.chance(REMOTE_ICT);
        Location location = remote && rng.chance(0.5) ? null : Places.location(place, 0.65, 0.30, rng);
        b.remote(remote).location(location);

        boolean languageSupport = rng.chance(LANGUAGE_SUPPORT);
        Cefr english = rng.chance(sector.englishAccepted()) ? ENGLISH_LEVEL.draw(rng) : Cefr.NONE;
        b.dutch(dutch(sector, rng))
                .englishAccepted(english)
                .languageSupport(languageSupport)
                .educationLevel(educationLevel(taxonomy.isco(occupation), rng))
                .jobType(JOB_TYPE.draw(rng))
                .positions(POSITIONS.draw(rng))
                .permitSponsored(rng.chance(PERMIT_SPONSORED))
                .support(support(languageSupport, rng));
        HoursRange hours = HOURS.draw(rng);
        b.hours(hours);
        dates(b, rng);

        String title = title(taxonomy, occupation);
        String employer = employers.get(sector).get(employerPopularity.draw(rng));
        b.title(title).employer(employer).description(description(title, employer, remote, place, hours, languageSupport, english));
        return b.build();
    }

    /**
     * Some essential skills (ESSENTIAL) and some optional ones (IMPORTANT or OPTIONAL), 3 to 15 in all when the
     * occupation has that many; now and then a widely shared skill as OPTIONAL.
     */
    private List<SkillRequirement> skills(int occupation, Rng rng) {
        int[] ess = occupations.essential(occupation);
        int[] oth = occupations.other(occupation);
        int target = rng.between(3, MAX_SKILLS);
        int nEss = Math.min(ess.length, Math.min(target, rng.between(2, 8)));
        int nOth = Math.min(oth.length, target - nEss);
        nEss = Math.min(ess.length, Math.max(nEss, 3 - nOth));
        SkillBag bag = new SkillBag(MAX_SKILLS);
        for (int skill : SkillBag.sample(ess, nEss, rng)) {
            bag.add(skill, Importance.ESSENTIAL.ordinal());
        }
        for (int skill : SkillBag.sample(oth, nOth, rng)) {
            bag.add(skill, (rng.chance(0.4) ? Importance.IMPORTANT : Importance.OPTIONAL).ordinal());
        }
        if (rng.chance(0.25)) {
            bag.add(occupations.transversalSkill(rng), Importance.OPTIONAL.ordinal());
        }
        // Occupations with fewer than three skills (small taxonomies): fill up with widely shared ones.
        for (int attempt = 0; bag.size() < 3 && attempt < 10; attempt++) {
            bag.add(occupations.transversalSkill(rng), Importance.OPTIONAL.ordinal());
        }
        List<SkillRequirement> out = new ArrayList<>(bag.size());
        for (int i = 0; i < bag.size(); i++) {
            out.add(new SkillRequirement(occupations.taxonomy.conceptId(bag.concept(i)), IMPORTANCE[bag.tag(i)]));
        }
        return out;
    }

    /** The sector's spoken requirement; listening near it, reading and writing lower in hands-on work. */
    private static DutchLevels dutch(Sector sector, Rng rng) {
        int speaking = sector.speaking().draw(rng).rank();
        if (speaking == 0) {
            return DutchLevels.NONE;
        }
        double u = rng.nextDouble();
        int listening = speaking + (u < 0.20 ? 1 : u < 0.85 ? 0 : -1);
        // Anyone who must speak some Dutch must read a little (safety signs, a schedule); writing may be nil.
        int reading = Math.max(Cefr.A1.rank(), speaking - sector.writtenGap() + (rng.chance(0.3) ? -1 : 0));
        int writing = speaking - sector.writtenGap() - (rng.chance(0.5) ? 1 : 0);
        return new DutchLevels(Cefr.ofRank(listening), Cefr.ofRank(reading), Cefr.ofRank(speaking), Cefr.ofRank(writing));
    }

    private static EducationLevel educationLevel(String isco, Rng rng) {
        int major = isco != null && !isco.isEmpty() && Character.isDigit(isco.charAt(0)) ? isco.charAt(0) - '0' : 10;
        return EDUCATION_BY_ISCO_MAJOR.get(major).draw(rng);
    }

    private static Set<Support> support(boolean languageSupport, Rng rng) {
        Set<Support> support = EnumSet.noneOf(Support.class);
        if (languageSupport) {
            boolean buddy = rng.chance(0.6);
            support.add(buddy ? Support.LANGUAGE_BUDDY : Support.LANGUAGE_COURSE);
            if (buddy && rng.chance(0.4)) {
                support.add(Support.LANGUAGE_COURSE);
            }
        }
        if (rng.chance(0.30)) support.add(Support.JOBCOACH);
        if (rng.chance(0.20)) support.add(Support.MENTOR);
        if (rng.chance(0.25)) support.add(Support.TRAINING);
        if (rng.chance(0.05)) support.add(Support.TRANSPORT);
        return support;
    }

    /**
     * Around today: about 10% closed already, 10% opening within a month, the rest open now; a tenth of the open
     * ones without an end date.
     */
    private void dates(Vacancy.Builder b, Rng rng) {
        double u = rng.nextDouble();
        if (u < 0.10) {
            LocalDate until = today.minusDays(rng.between(1, 30));
            b.openFrom(until.minusDays(rng.between(30, 90))).openUntil(until);
            return;
        }
        LocalDate from = u < 0.20 ? today.plusDays(rng.between(1, 30)) : today.minusDays(rng.between(0, 60));
        LocalDate until = rng.chance(0.1) ? null : (from.isAfter(today) ? from : today).plusDays(rng.between(14, 90));
        b.openFrom(from).openUntil(until);
    }

    /** The Dutch label when the taxonomy has one, else the default; with a capital (IJ as one letter). */
    static String title(SkillTaxonomy taxonomy, int occupation) {
        String label = taxonomy.occupationLabelIn(occupation, "nl");
        if (label == null) {
            label = taxonomy.occupationLabel(occupation, "en");
        }
        if (label.startsWith("ij")) {
            return "IJ" + label.substring(2);
        }
        return label.isEmpty() ? label : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }

    private static String description(String title, String employer, boolean remote, Places.Place place,
                                      HoursRange hours, boolean languageSupport, Cefr english) {
        StringBuilder s = new StringBuilder(120);
        s.append(employer).append(" zoekt: ").append(title)
                .append(remote ? " (op afstand)" : " in " + place.municipality().name()).append(", ")
                .append(hours.min()).append('-').append(hours.max()).append(" uur per week.");
        if (languageSupport) {
            s.append(" We helpen je met Nederlands op de werkvloer.");
        }
        if (english != Cefr.NONE) {
            s.append(" Engels spreken is ook goed.");
        }
        return s.toString();
    }

    /** A fixed list of invented employer names per sector, from the world's seed. */
    private static Map<Sector, List<String>> employers(long seed) {
        Rng rng = Rng.of(seed, Rng.WORLD, 2);
        Map<Sector, List<String>> out = new EnumMap<>(Sector.class);
        for (Sector sector : Sector.values()) {
            Set<String> names = new LinkedHashSet<>();
            while (names.size() < EMPLOYERS_PER_SECTOR) {
                names.add(sector.employerKinds().get(rng.nextInt(sector.employerKinds().size())) + " "
                        + rng.pick(EMPLOYER_PLACES) + rng.pick(EMPLOYER_SUFFIXES));
            }
            out.put(sector, List.copyOf(names));
        }
        return out;
    }

    private static Choice<EducationLevel> education(double none, double primary, double mbo1, double mbo2, double mbo3,
                                                    double mbo4, double hbo, double wo) {
        return Choice.of(EducationLevel.NONE, none).or(EducationLevel.PRIMARY, primary).or(EducationLevel.MBO1, mbo1)
                .or(EducationLevel.MBO2, mbo2).or(EducationLevel.MBO3, mbo3).or(EducationLevel.MBO4, mbo4)
                .or(EducationLevel.HBO, hbo).or(EducationLevel.WO, wo).build();
    }
}
