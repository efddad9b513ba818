package nl.werkmatch.matcher.model;

import nl.werkmatch.matcher.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A vacancy, as in exchange format v1. Immutable; absent optional fields take neutral defaults.
 *
 * @param location where the work is; may be {@code null} only for a remote vacancy
 * @param englishAccepted the English level that can stand in for Dutch, or NONE when English is not accepted
 * @param languageSupport whether the employer supports learning Dutch on the job (lowers each requirement a level)
 * @param educationLevel the level the job is pitched at; NONE when it does not matter
 * @param openFrom first day the vacancy is open, or {@code null} for always
 * @param openUntil last day the vacancy is open, or {@code null} for no end
 */
public record Vacancy(
        String id,
        String title,
        String description,
        String employer,
        String occupation,
        Location location,
        boolean remote,
        List<SkillRequirement> skills,
        DutchLevels dutch,
        Cefr englishAccepted,
        boolean languageSupport,
        EducationLevel educationLevel,
        JobType jobType,
        HoursRange hours,
        int positions,
        boolean permitSponsored,
        LocalDate openFrom,
        LocalDate openUntil,
        Set<Support> support) {

    /** Checks the required fields (a location unless remote, at least one position) and copies the lists. */
    public Vacancy {
        Checks.present(id, "id");
        if (location == null && !remote) {
            throw new InvalidInputException("location", "a vacancy that is not remote needs a location");
        }
        skills = skills == null ? List.of() : List.copyOf(skills);
        dutch = dutch == null ? DutchLevels.NONE : dutch;
        englishAccepted = englishAccepted == null ? Cefr.NONE : englishAccepted;
        educationLevel = educationLevel == null ? EducationLevel.NONE : educationLevel;
        jobType = jobType == null ? JobType.REGULAR : jobType;
        hours = hours == null ? HoursRange.ANY : hours;
        if (positions < 1) {
            throw new InvalidInputException("positions", "must be >= 1, got " + positions);
        }
        support = support == null || support.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(support));
    }

    /** Whether the vacancy is open on the given day. */
    public boolean isOpenOn(LocalDate day) {
        return (openFrom == null || !day.isBefore(openFrom)) && (openUntil == null || !day.isAfter(openUntil));
    }

    /** A builder for a vacancy with this id; every other field has a default. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this vacancy's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.title = title;
        b.description = description;
        b.employer = employer;
        b.occupation = occupation;
        b.location = location;
        b.remote = remote;
        b.skills.addAll(skills);
        b.dutch = dutch;
        b.englishAccepted = englishAccepted;
        b.languageSupport = languageSupport;
        b.educationLevel = educationLevel;
        b.jobType = jobType;
        b.hours = hours;
        b.positions = positions;
        b.permitSponsored = permitSponsored;
        b.openFrom = openFrom;
        b.openUntil = openUntil;
        b.support.addAll(support);
        return b;
    }

    /** Builds a vacancy field by field. */
    public static final class Builder {
        private String id;
        private String title;
        private String description;
        private String employer;
        private String occupation;
        private Location location;
        private boolean remote;
        private final List<SkillRequirement> skills = new ArrayList<>();
        private DutchLevels dutch = DutchLevels.NONE;
        private Cefr englishAccepted = Cefr.NONE;
        private boolean languageSupport;
        private EducationLevel educationLevel = EducationLevel.NONE;
        private JobType jobType = JobType.REGULAR;
        private HoursRange hours = HoursRange.ANY;
        private int positions = 1;
        private boolean permitSponsored;
        private LocalDate openFrom;
        private LocalDate openUntil;
        private final Set<Support> support = EnumSet.noneOf(Support.class);

        private Builder(String id) {
            this.id = id;
        }

        /** The vacancy's id, unique among vacancies. */
        public Builder id(String value) { this.id = value; return this; }
        /** The job title shown to people. */
        public Builder title(String value) { this.title = value; return this; }
        /** The description, several lines allowed. */
        public Builder description(String value) { this.description = value; return this; }
        /** The employer's name. */
        public Builder employer(String value) { this.employer = value; return this; }
        /** The occupation (a taxonomy id); it sets the preference component. */
        public Builder occupation(String value) { this.occupation = value; return this; }
        /** Where the work is; needed unless remote. */
        public Builder location(Location value) { this.location = value; return this; }
        /** Whether the work can be done from anywhere; default false. */
        public Builder remote(boolean value) { this.remote = value; return this; }
        /** Adds a required skill (a taxonomy id) and how much it matters. */
        public Builder skill(String skillId, Importance importance) { skills.add(new SkillRequirement(skillId, importance)); return this; }
        /** Replaces the required skills. */
        public Builder skills(List<SkillRequirement> values) { skills.clear(); skills.addAll(values); return this; }
        /** The Dutch level asked per language skill; default none. */
        public Builder dutch(DutchLevels value) { this.dutch = value; return this; }
        /** An English level accepted instead of Dutch; default none. */
        public Builder englishAccepted(Cefr value) { this.englishAccepted = value; return this; }
        /** Whether the employer supports learning Dutch on the job; it lowers each requirement a level. */
        public Builder languageSupport(boolean value) { this.languageSupport = value; return this; }
        /** The education level the job asks; default none. */
        public Builder educationLevel(EducationLevel value) { this.educationLevel = value; return this; }
        /** The kind of work; default REGULAR. */
        public Builder jobType(JobType value) { this.jobType = value; return this; }
        /** Hours a week; default any. */
        public Builder hours(HoursRange value) { this.hours = value; return this; }
        /** Hours a week, from min to max. */
        public Builder hours(int min, int max) { this.hours = new HoursRange(min, max); return this; }
        /** How many people the employer takes on; default 1. */
        public Builder positions(int value) { this.positions = value; return this; }
        /** Whether the employer obtains a work permit (TWV), so an asylum seeker may take the job. */
        public Builder permitSponsored(boolean value) { this.permitSponsored = value; return this; }
        /** The first day the vacancy is open; null for now. */
        public Builder openFrom(LocalDate value) { this.openFrom = value; return this; }
        /** The last day the vacancy is open; null for no end. */
        public Builder openUntil(LocalDate value) { this.openUntil = value; return this; }
        /** The support offered on the job; replaces earlier values. */
        public Builder support(Set<Support> values) { support.clear(); support.addAll(values); return this; }
        /** Adds support offered on the job. */
        public Builder support(Support value) { support.add(value); return this; }

        /** The vacancy; throws InvalidInputException when a required field is missing. */
        public Vacancy build() {
            return new Vacancy(id, title, description, employer, occupation, location, remote, skills, dutch,
                    englishAccepted, languageSupport, educationLevel, jobType, hours, positions, permitSponsored,
                    openFrom, openUntil, support);
        }
    }
}
