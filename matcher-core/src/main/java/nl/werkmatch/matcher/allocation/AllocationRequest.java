package nl.werkmatch.matcher.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Problem;

/**
 * What to share out and under which capacities. The scope is the union of the vacancies in the named labour market
 * regions, in the named municipalities and the explicitly listed ones, kept when open on {@link #day}.
 *
 * @param regions labour market regions by name ({@code Groot Amsterdam}; case and accents do not matter)
 * @param municipalities municipalities by CBS code ({@code GM0363}) or name
 * @param vacancies explicit vacancy ids; each must exist and be open on the day
 * @param perPosition shortlist places per open position, 1..{@value #MAX_PER_POSITION} (default 3)
 * @param maxPerCandidate the most shortlists one person is put on, 1..{@value #MAX_PER_CANDIDATE} (default 2)
 * @param minScore only pairs scoring at least this are considered, 0..1 (default 0.5)
 * @param day the day the vacancies must be open on; null means today by the matcher's clock
 * @param priorityForUnseen a bonus, in score units 0..1, for each invitation of a person who is on no list in the
 *        plain rankings (default 0: total fit only)
 * @param filters further match filters for every vacancy's candidates (distance, candidates' regions, language
 *        gap, essential skills, travel limit, weights); its k, offset, minScore, openOn and explain are set by the
 *        allocation. Null means the defaults
 * @param maxCandidatesPerVacancy the longest candidate list fetched for one vacancy while proving the optimum,
 *        1..{@value MatchRequest#MAX_WINDOW} (default {@value #DEFAULT_MAX_CANDIDATES_PER_VACANCY})
 * @param progress told how far the work is; never null
 */
public record AllocationRequest(Set<String> regions, Set<String> municipalities, Set<String> vacancies,
                                int perPosition, int maxPerCandidate, double minScore, LocalDate day,
                                double priorityForUnseen, MatchRequest filters, int maxCandidatesPerVacancy,
                                AllocationProgress progress) {

    public static final int DEFAULT_PER_POSITION = 3;
    public static final int DEFAULT_MAX_PER_CANDIDATE = 2;
    public static final double DEFAULT_MIN_SCORE = 0.5;
    public static final int MAX_PER_POSITION = 100;
    public static final int MAX_PER_CANDIDATE = 100;
    public static final int DEFAULT_MAX_CANDIDATES_PER_VACANCY = 100;

    /** Checks every setting; throws {@link InvalidInputException} naming each one out of range. */
    public AllocationRequest {
        regions = regions == null ? Set.of() : copy(regions);
        municipalities = municipalities == null ? Set.of() : copy(municipalities);
        vacancies = vacancies == null ? Set.of() : copy(vacancies);
        filters = filters == null ? MatchRequest.DEFAULT : filters;
        progress = progress == null ? AllocationProgress.NONE : progress;
        List<Problem> problems = new ArrayList<>();
        if (regions.isEmpty() && municipalities.isEmpty() && vacancies.isEmpty()) {
            problems.add(new Problem("regions", "give at least one region, municipality or vacancy id"));
        }
        if (perPosition < 1 || perPosition > MAX_PER_POSITION) {
            problems.add(new Problem("perPosition", "must be from 1 to " + MAX_PER_POSITION + ", got " + perPosition));
        }
        if (maxPerCandidate < 1 || maxPerCandidate > MAX_PER_CANDIDATE) {
            problems.add(new Problem("maxPerCandidate",
                    "must be from 1 to " + MAX_PER_CANDIDATE + ", got " + maxPerCandidate));
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            problems.add(new Problem("minScore", "must be from 0 to 1, got " + minScore));
        }
        if (!(priorityForUnseen >= 0 && priorityForUnseen <= 1)) {
            problems.add(new Problem("priorityForUnseen", "must be from 0 to 1, got " + priorityForUnseen));
        }
        if (maxCandidatesPerVacancy < 1 || maxCandidatesPerVacancy > MatchRequest.MAX_WINDOW) {
            problems.add(new Problem("maxCandidatesPerVacancy",
                    "must be from 1 to " + MatchRequest.MAX_WINDOW + ", got " + maxCandidatesPerVacancy));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Set<String> copy(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(Objects.requireNonNull(v, "a scope entry is null").strip());
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same request on another day (used to fill in today). */
    public AllocationRequest onDay(LocalDate value) {
        return new AllocationRequest(regions, municipalities, vacancies, perPosition, maxPerCandidate, minScore,
                value, priorityForUnseen, filters, maxCandidatesPerVacancy, progress);
    }

    /** Builds a request; every setting starts at its default. */
    public static final class Builder {
        private final Set<String> regions = new LinkedHashSet<>();
        private final Set<String> municipalities = new LinkedHashSet<>();
        private final Set<String> vacancies = new LinkedHashSet<>();
        private int perPosition = DEFAULT_PER_POSITION;
        private int maxPerCandidate = DEFAULT_MAX_PER_CANDIDATE;
        private double minScore = DEFAULT_MIN_SCORE;
        private LocalDate day;
        private double priorityForUnseen;
        private MatchRequest filters;
        private int maxCandidatesPerVacancy = DEFAULT_MAX_CANDIDATES_PER_VACANCY;
        private AllocationProgress progress = AllocationProgress.NONE;

        private Builder() {
        }

        /** Adds a labour market region by name. */
        public Builder region(String name) { regions.add(name); return this; }
        /** Adds a municipality by CBS code or name. */
        public Builder municipality(String codeOrName) { municipalities.add(codeOrName); return this; }
        /** Adds an explicit vacancy id. */
        public Builder vacancy(String id) { vacancies.add(id); return this; }
        /** Adds explicit vacancy ids. */
        public Builder vacancies(Iterable<String> ids) { ids.forEach(vacancies::add); return this; }
        /** Shortlist places per open position. */
        public Builder perPosition(int value) { this.perPosition = value; return this; }
        /** The most shortlists one person is put on. */
        public Builder maxPerCandidate(int value) { this.maxPerCandidate = value; return this; }
        /** The lowest score a pair may have to be considered. */
        public Builder minScore(double value) { this.minScore = value; return this; }
        /** The day the vacancies must be open on; null for today. */
        public Builder day(LocalDate value) { this.day = value; return this; }
        /** The bonus per invitation of a person on no plain list. */
        public Builder priorityForUnseen(double value) { this.priorityForUnseen = value; return this; }
        /** Further match filters for every vacancy's candidates. */
        public Builder filters(MatchRequest value) { this.filters = value; return this; }
        /** The longest candidate list fetched for one vacancy. */
        public Builder maxCandidatesPerVacancy(int value) { this.maxCandidatesPerVacancy = value; return this; }
        /** Where progress goes. */
        public Builder progress(AllocationProgress value) { this.progress = Objects.requireNonNull(value); return this; }

        /** The request; throws {@link InvalidInputException} naming every setting out of range. */
        public AllocationRequest build() {
            return new AllocationRequest(regions, municipalities, vacancies, perPosition, maxPerCandidate, minScore,
                    day, priorityForUnseen, filters, maxCandidatesPerVacancy, progress);
        }
    }
}
