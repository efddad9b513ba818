package nl.werkmatch.matcher.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.taxonomy.Relation;

/**
 * A profile with everything matching needs resolved: its place, its skill credit for every concept it covers
 * ({@code credit(p, r) = max_q sim(q, r) * evidence(q)}, sorted by concept index), and the facts the score and
 * the hard filters read. Made by {@link Scorer#prepare(Profile)} (the full form, which keeps the record and
 * how each credit was earned, for explanations) or decoded by {@link CompactForm} (the compact form an index
 * keeps: the same score and filters, no record). Immutable.
 */
public final class PreparedProfile {
    private final String id;
    private final Profile profile;
    private final ResolvedLocation location;
    private final int[] targets;
    private final double[] credits;
    private final Provenance provenance;
    private final Cefr[] dutch;
    private final Cefr english;
    private final EducationLevel education;
    private final WorkAuthorization workAuthorization;
    private final int jobTypes;
    private final HoursRange hours;
    private final LocalDate availableFrom;
    private final Integer maxTravelKm;
    private final int[] wantedOccupations;
    private final Set<String> wantedIscoGroups;
    private final Set<String> wantedSectors;

    /** How each credit was earned; only the full form has it. */
    record Provenance(int[] via, Relation[] relations, double[] evidence, int[] viaOccupation) {
    }

    /** The full form. */
    PreparedProfile(Profile p, ResolvedLocation location, int[] targets, double[] credits, Provenance provenance,
                    int[] wantedOccupations, Set<String> wantedIscoGroups, Set<String> wantedSectors) {
        this(p.id(), p, location, targets, credits, provenance, dutchOf(p), p.english(), Rules.countedLevel(p.education()),
                p.workAuthorization(), JobTypes.mask(p.jobTypes()), p.hours(), p.availableFrom(), p.maxTravelKm(),
                wantedOccupations, wantedIscoGroups, wantedSectors);
    }

    /** The compact form. */
    PreparedProfile(String id, ResolvedLocation location, int[] targets, double[] credits, Cefr[] dutch, Cefr english,
                    EducationLevel education, WorkAuthorization workAuthorization, int jobTypes, HoursRange hours,
                    LocalDate availableFrom, Integer maxTravelKm, int[] wantedOccupations, Set<String> wantedIscoGroups,
                    Set<String> wantedSectors) {
        this(id, null, location, targets, credits, null, dutch, english, education, workAuthorization, jobTypes, hours,
                availableFrom, maxTravelKm, wantedOccupations, wantedIscoGroups, wantedSectors);
    }

    private PreparedProfile(String id, Profile profile, ResolvedLocation location, int[] targets, double[] credits,
                            Provenance provenance, Cefr[] dutch, Cefr english, EducationLevel education,
                            WorkAuthorization workAuthorization, int jobTypes, HoursRange hours, LocalDate availableFrom,
                            Integer maxTravelKm, int[] wantedOccupations, Set<String> wantedIscoGroups,
                            Set<String> wantedSectors) {
        this.id = id;
        this.profile = profile;
        this.location = location;
        this.targets = targets;
        this.credits = credits;
        this.provenance = provenance;
        this.dutch = dutch;
        this.english = english;
        this.education = education;
        this.workAuthorization = workAuthorization;
        this.jobTypes = jobTypes;
        this.hours = hours;
        this.availableFrom = availableFrom;
        this.maxTravelKm = maxTravelKm;
        this.wantedOccupations = wantedOccupations;
        this.wantedIscoGroups = Set.copyOf(wantedIscoGroups);
        this.wantedSectors = Set.copyOf(wantedSectors);
    }

    private static Cefr[] dutchOf(Profile p) {
        Cefr[] out = new Cefr[LanguageSkill.values().length];
        for (LanguageSkill s : LanguageSkill.values()) {
            out[s.ordinal()] = p.dutch().get(s);
        }
        return out;
    }

    public String id() { return id; }

    /** Whether this is the full form, which has the record and can be explained. */
    public boolean hasRecord() { return profile != null; }

    /**
     * The record this was prepared from.
     *
     * @throws IllegalStateException for the compact form, which has none
     */
    public Profile profile() {
        if (profile == null) {
            throw new IllegalStateException("profile " + id + " is in its compact form, which keeps no record");
        }
        return profile;
    }

    public ResolvedLocation location() { return location; }

    public GeoPoint point() { return location.point(); }

    /** Number of concepts with a positive credit. */
    public int coveredCount() { return targets.length; }

    /** The i-th covered concept index, ascending in i. */
    public int coveredConcept(int i) { return targets[i]; }

    /** The credit of the i-th covered concept, in (0, 1]. */
    public double coveredCredit(int i) { return credits[i]; }

    /** The credit for a concept, 0 when not covered. */
    public double credit(int concept) {
        int i = Arrays.binarySearch(targets, concept);
        return i < 0 ? 0 : credits[i];
    }

    int position(int concept) {
        return Arrays.binarySearch(targets, concept);
    }

    Provenance provenance() {
        if (provenance == null) {
            throw new IllegalStateException("profile " + id + " is in its compact form, which cannot be explained");
        }
        return provenance;
    }

    public Cefr dutch(LanguageSkill skill) { return dutch[skill.ordinal()]; }

    public Cefr english() { return english; }

    /**
     * The education level the level fit counts ({@link Rules#countedLevel}): the diploma's level when recognised,
     * one lower when not. The index, the compact form and every score read this one.
     */
    public EducationLevel education() { return education; }

    public WorkAuthorization workAuthorization() { return workAuthorization; }

    /** Whether the candidate accepts this job type (none listed accepts every type). */
    public boolean accepts(JobType type) { return jobTypes == 0 || (jobTypes & JobTypes.bit(type)) != 0; }

    /** The accepted job types as a bit set over {@link JobType} ordinals; 0 accepts every type. */
    public int jobTypeMask() { return jobTypes; }

    public HoursRange hours() { return hours; }

    /** The first day the candidate can start, or null. */
    public LocalDate availableFrom() { return availableFrom; }

    /** The candidate's own travel limit in km, or null. */
    public Integer maxTravelKm() { return maxTravelKm; }

    /** Occupation indexes the candidate wants to work in. */
    public int[] wantedOccupations() { return wantedOccupations.clone(); }

    boolean wants(int occupation) {
        for (int o : wantedOccupations) {
            if (o == occupation) {
                return true;
            }
        }
        return false;
    }

    /** ISCO minor groups (3 digits) of the wanted occupations. */
    public Set<String> wantedIscoGroups() { return wantedIscoGroups; }

    /** Sectors of the wanted occupations. */
    public Set<String> wantedSectors() { return wantedSectors; }

    /** The same profile without the record and provenance: what an index keeps, and all scoring needs. */
    public PreparedProfile compact() {
        if (profile == null) {
            return this;
        }
        return new PreparedProfile(id, location, targets, credits, dutch, english, education, workAuthorization,
                jobTypes, hours, availableFrom, maxTravelKm, wantedOccupations, wantedIscoGroups, wantedSectors);
    }

    /** The compact form with other Dutch levels and English (the loosest of some changes, for advice's supersets). */
    PreparedProfile withLanguages(Cefr[] dutchLevels, Cefr englishLevel) {
        return new PreparedProfile(id, location, targets, credits, dutchLevels.clone(), englishLevel, education,
                workAuthorization, jobTypes, hours, availableFrom, maxTravelKm, wantedOccupations, wantedIscoGroups,
                wantedSectors);
    }

    /** The compact form with other job types, hours and travel limit (none of which the score reads). */
    PreparedProfile withLimits(int jobTypeMask, HoursRange hoursRange, Integer travelKm) {
        return new PreparedProfile(id, location, targets, credits, dutch, english, education, workAuthorization,
                jobTypeMask, hoursRange, availableFrom, travelKm, wantedOccupations, wantedIscoGroups, wantedSectors);
    }

    Cefr[] dutchArray() { return dutch; }

    int[] targetsArray() { return targets; }

    double[] creditsArray() { return credits; }

    int[] wantedArray() { return wantedOccupations; }
}
