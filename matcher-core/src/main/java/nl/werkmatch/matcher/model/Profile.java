package nl.werkmatch.matcher.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A job seeker's profile, as in exchange format v1. Immutable; absent optional fields take neutral
 * defaults (no Dutch, no English, any hours, any job type, no travel limit).
 *
 * @param maxTravelKm the farthest the candidate will travel, or {@code null} for no limit
 * @param availableFrom the first day the candidate can start, or {@code null} for now
 * @param jobTypes the job types the candidate accepts; empty means any
 * @param audit facts for fairness reports only; never scored
 */
public record Profile(
        String id,
        WorkAuthorization workAuthorization,
        Location location,
        Integer maxTravelKm,
        List<SkillClaim> skills,
        List<Experience> experience,
        DutchLevels dutch,
        Cefr english,
        List<String> otherLanguages,
        Education education,
        InburgeringRoute inburgeringRoute,
        HoursRange hours,
        LocalDate availableFrom,
        Set<JobType> jobTypes,
        List<String> wantedOccupations,
        Audit audit) {

    /** Checks the required fields and copies the lists, so that a profile never changes. */
    public Profile {
        Checks.present(id, "id");
        Checks.present(workAuthorization, "workAuthorization");
        Checks.present(location, "location");
        skills = skills == null ? List.of() : List.copyOf(skills);
        experience = experience == null ? List.of() : List.copyOf(experience);
        dutch = dutch == null ? DutchLevels.NONE : dutch;
        english = english == null ? Cefr.NONE : english;
        otherLanguages = otherLanguages == null ? List.of() : List.copyOf(otherLanguages);
        education = education == null ? Education.NONE : education;
        inburgeringRoute = inburgeringRoute == null ? InburgeringRoute.NONE : inburgeringRoute;
        hours = hours == null ? HoursRange.ANY : hours;
        jobTypes = jobTypes == null || jobTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(jobTypes));
        wantedOccupations = wantedOccupations == null ? List.of() : List.copyOf(wantedOccupations);
        audit = audit == null ? Audit.EMPTY : audit;
    }

    /** Whether the candidate accepts this job type (an empty set accepts every type). */
    public boolean accepts(JobType type) {
        return jobTypes.isEmpty() || jobTypes.contains(type);
    }

    /** A builder for a profile with this id; every other field has a default. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this profile's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.workAuthorization = workAuthorization;
        b.location = location;
        b.maxTravelKm = maxTravelKm;
        b.skills.addAll(skills);
        b.experience.addAll(experience);
        b.dutch = dutch;
        b.english = english;
        b.otherLanguages.addAll(otherLanguages);
        b.education = education;
        b.inburgeringRoute = inburgeringRoute;
        b.hours = hours;
        b.availableFrom = availableFrom;
        b.jobTypes.addAll(jobTypes);
        b.wantedOccupations.addAll(wantedOccupations);
        b.audit = audit;
        return b;
    }

    /** Builds a profile field by field; {@code workAuthorization} defaults to FREE. */
    public static final class Builder {
        private String id;
        private WorkAuthorization workAuthorization = WorkAuthorization.FREE;
        private Location location;
        private Integer maxTravelKm;
        private final List<SkillClaim> skills = new ArrayList<>();
        private final List<Experience> experience = new ArrayList<>();
        private DutchLevels dutch = DutchLevels.NONE;
        private Cefr english = Cefr.NONE;
        private final List<String> otherLanguages = new ArrayList<>();
        private Education education = Education.NONE;
        private InburgeringRoute inburgeringRoute = InburgeringRoute.NONE;
        private HoursRange hours = HoursRange.ANY;
        private LocalDate availableFrom;
        private final Set<JobType> jobTypes = EnumSet.noneOf(JobType.class);
        private final List<String> wantedOccupations = new ArrayList<>();
        private Audit audit = Audit.EMPTY;

        private Builder(String id) {
            this.id = id;
        }

        /** The profile's id, unique among profiles. */
        public Builder id(String value) { this.id = value; return this; }
        /** Whether the person may work; default FREE. */
        public Builder workAuthorization(WorkAuthorization value) { this.workAuthorization = value; return this; }
        /** Where the person lives. */
        public Builder location(Location value) { this.location = value; return this; }
        /** How far the person will travel to work, in km; null for no limit. */
        public Builder maxTravelKm(Integer value) { this.maxTravelKm = value; return this; }
        /** Adds a skill (a taxonomy id) and how it is backed. */
        public Builder skill(String skillId, Evidence evidence) { skills.add(new SkillClaim(skillId, evidence)); return this; }
        /** Replaces the skills. */
        public Builder skills(List<SkillClaim> values) { skills.clear(); skills.addAll(values); return this; }
        /** Adds work experience: an occupation (a taxonomy id) and years in it. */
        public Builder experience(String occupationId, double years) { experience.add(new Experience(occupationId, years)); return this; }
        /** Replaces the work experience. */
        public Builder experience(List<Experience> values) { experience.clear(); experience.addAll(values); return this; }
        /** The Dutch level per language skill; default none. */
        public Builder dutch(DutchLevels value) { this.dutch = value; return this; }
        /** The English level; default none. */
        public Builder english(Cefr value) { this.english = value; return this; }
        /** Other languages spoken (ISO 639 codes); replaces earlier ones. */
        public Builder otherLanguages(List<String> values) { otherLanguages.clear(); otherLanguages.addAll(values); return this; }
        /** The education level and whether the diploma is recognised. */
        public Builder education(Education value) { this.education = value; return this; }
        /** The education level and whether the diploma is recognised. */
        public Builder education(EducationLevel level, boolean recognized) { this.education = new Education(level, recognized); return this; }
        /** The civic integration route; default none. */
        public Builder inburgeringRoute(InburgeringRoute value) { this.inburgeringRoute = value; return this; }
        /** Hours a week the person wants to work; default any. */
        public Builder hours(HoursRange value) { this.hours = value; return this; }
        /** Hours a week the person wants to work, from min to max. */
        public Builder hours(int min, int max) { this.hours = new HoursRange(min, max); return this; }
        /** The first day the person can start; null for now. */
        public Builder availableFrom(LocalDate value) { this.availableFrom = value; return this; }
        /** The kinds of work the person accepts; empty for any. Replaces earlier ones. */
        public Builder jobTypes(Set<JobType> values) { jobTypes.clear(); jobTypes.addAll(values); return this; }
        /** Adds a kind of work the person accepts. */
        public Builder jobType(JobType value) { jobTypes.add(value); return this; }
        /** Occupations (taxonomy ids) the person wants; replaces earlier ones. */
        public Builder wantedOccupations(List<String> values) { wantedOccupations.clear(); wantedOccupations.addAll(values); return this; }
        /** Adds an occupation (a taxonomy id) the person wants. */
        public Builder wantedOccupation(String occupationId) { wantedOccupations.add(occupationId); return this; }
        /** Fields for fairness reports only (gender, birth year, origin); never read by scoring. */
        public Builder audit(Audit value) { this.audit = value; return this; }

        /** The profile; throws InvalidInputException when a required field is missing. */
        public Profile build() {
            return new Profile(id, workAuthorization, location, maxTravelKm, skills, experience, dutch, english,
                    otherLanguages, education, inburgeringRoute, hours, availableFrom, jobTypes, wantedOccupations, audit);
        }
    }
}
