package nl.werkmatch.matcher.internal;

import java.time.LocalDate;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * A vacancy with everything matching needs resolved: its place (null for a remote vacancy without one), its
 * required skills as concept indexes with their importance, its occupation, and the facts the score and the hard
 * filters read. Made by {@link Scorer#prepare(Vacancy)} (the full form, with the record) or decoded by
 * {@link CompactForm} (no record). Immutable.
 */
public final class PreparedVacancy {
    private final String id;
    private final Vacancy vacancy;
    private final ResolvedLocation location;
    private final int[] required;
    private final Importance[] importances;
    private final double[] shares;
    private final int occupation;
    private final String iscoGroup;
    private final String sector;
    private final Cefr[] dutchRequired;
    private final Cefr englishAccepted;
    private final EducationLevel education;
    private final boolean remote;
    private final boolean permitSponsored;
    private final JobType jobType;
    private final HoursRange hours;
    private final LocalDate openFrom;
    private final LocalDate openUntil;

    /** The full form. */
    PreparedVacancy(Vacancy v, ResolvedLocation location, int[] required, Importance[] importances, int occupation,
                    String iscoGroup, String sector) {
        this(v.id(), v, location, required, importances, occupation, iscoGroup, sector, effective(v),
                v.englishAccepted(), v.educationLevel(), v.remote(), v.permitSponsored(), v.jobType(), v.hours(),
                v.openFrom(), v.openUntil());
    }

    /** The compact form; {@code dutchRequired} is the requirement after language support. */
    PreparedVacancy(String id, ResolvedLocation location, int[] required, Importance[] importances, int occupation,
                    String iscoGroup, String sector, Cefr[] dutchRequired, Cefr englishAccepted,
                    EducationLevel education, boolean remote, boolean permitSponsored, JobType jobType,
                    HoursRange hours, LocalDate openFrom, LocalDate openUntil) {
        this(id, null, location, required, importances, occupation, iscoGroup, sector, dutchRequired, englishAccepted,
                education, remote, permitSponsored, jobType, hours, openFrom, openUntil);
    }

    private PreparedVacancy(String id, Vacancy vacancy, ResolvedLocation location, int[] required,
                            Importance[] importances, int occupation, String iscoGroup, String sector,
                            Cefr[] dutchRequired, Cefr englishAccepted, EducationLevel education, boolean remote,
                            boolean permitSponsored, JobType jobType, HoursRange hours, LocalDate openFrom,
                            LocalDate openUntil) {
        this.id = id;
        this.vacancy = vacancy;
        this.location = location;
        this.required = required;
        this.importances = importances;
        double total = 0;
        for (Importance imp : importances) {
            total += Scorer.importanceWeight(imp);
        }
        this.shares = new double[importances.length];
        for (int i = 0; i < importances.length; i++) {
            shares[i] = Scorer.indexable(Scorer.importanceWeight(importances[i]) / total);
        }
        this.occupation = occupation;
        this.iscoGroup = iscoGroup;
        this.sector = sector;
        this.dutchRequired = dutchRequired;
        this.englishAccepted = englishAccepted;
        this.education = education;
        this.remote = remote;
        this.permitSponsored = permitSponsored;
        this.jobType = jobType;
        this.hours = hours;
        this.openFrom = openFrom;
        this.openUntil = openUntil;
    }

    private static Cefr[] effective(Vacancy v) {
        Cefr[] out = new Cefr[LanguageSkill.values().length];
        for (LanguageSkill s : LanguageSkill.values()) {
            out[s.ordinal()] = Scorer.effectiveRequirement(v, s);
        }
        return out;
    }

    public String id() { return id; }

    /** Whether this is the full form, which has the record and can be explained. */
    public boolean hasRecord() { return vacancy != null; }

    /**
     * The record this was prepared from.
     *
     * @throws IllegalStateException for the compact form, which has none
     */
    public Vacancy vacancy() {
        if (vacancy == null) {
            throw new IllegalStateException("vacancy " + id + " is in its compact form, which keeps no record");
        }
        return vacancy;
    }

    /** The resolved place, or null for a remote vacancy without a location. */
    public ResolvedLocation location() { return location; }

    public GeoPoint point() { return location == null ? null : location.point(); }

    public int requiredCount() { return required.length; }

    public int requiredConcept(int i) { return required[i]; }

    public Importance importance(int i) { return importances[i]; }

    /** The i-th skill's share of the skill score: its importance over the total, at index precision. */
    public double share(int i) { return shares[i]; }

    /** The occupation index, or -1. */
    public int occupation() { return occupation; }

    /** ISCO minor group (3 digits) of the occupation, or null. */
    public String iscoGroup() { return iscoGroup; }

    public String sector() { return sector; }

    /** The Dutch level asked for a language skill after language support lowered it. */
    public Cefr dutchRequired(LanguageSkill skill) { return dutchRequired[skill.ordinal()]; }

    /** The English level accepted instead of Dutch, or NONE. */
    public Cefr englishAccepted() { return englishAccepted; }

    public EducationLevel education() { return education; }

    public boolean remote() { return remote; }

    public boolean permitSponsored() { return permitSponsored; }

    public JobType jobType() { return jobType; }

    public HoursRange hours() { return hours; }

    public LocalDate openFrom() { return openFrom; }

    public LocalDate openUntil() { return openUntil; }

    /** Open on this day: not before openFrom, not after openUntil. */
    public boolean isOpenOn(LocalDate day) {
        return (openFrom == null || !day.isBefore(openFrom)) && (openUntil == null || !day.isAfter(openUntil));
    }

    /** The same vacancy without the record: what an index keeps, and all scoring needs. */
    public PreparedVacancy compact() {
        if (vacancy == null) {
            return this;
        }
        return new PreparedVacancy(id, location, required, importances, occupation, iscoGroup, sector, dutchRequired,
                englishAccepted, education, remote, permitSponsored, jobType, hours, openFrom, openUntil);
    }

    /** The compact form with other effective Dutch requirements and English (for advice's supersets). */
    PreparedVacancy withLanguages(Cefr[] effectiveDutch, Cefr english) {
        return new PreparedVacancy(id, location, required, importances, occupation, iscoGroup, sector,
                effectiveDutch.clone(), english, education, remote, permitSponsored, jobType, hours, openFrom, openUntil);
    }

    /** The compact form with another work permit sponsorship and hours (neither of which the score reads). */
    PreparedVacancy withLimits(boolean sponsored, HoursRange hoursRange) {
        return new PreparedVacancy(id, location, required, importances, occupation, iscoGroup, sector, dutchRequired,
                englishAccepted, education, remote, sponsored, jobType, hoursRange, openFrom, openUntil);
    }

    Cefr[] dutchArray() { return dutchRequired; }

    double[] sharesArray() { return shares; }

    Importance[] importancesArray() { return importances; }

    int[] requiredArray() { return required; }
}
