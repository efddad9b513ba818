package nl.werkmatch.matcher.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.PairScorer;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Outcomes for a generated world, to try evaluation and tuning end to end: for each chosen vacancy, a
 * consultant shortlists the matcher's best {@link #SHORTLIST} candidates (with the matcher's weights, as a
 * platform would log them); employers then judge the shortlist by a hidden preference, the exact score under
 * {@link #EMPLOYER_WEIGHTS} plus noise, hiring the best, interviewing the next two, receiving the next three as
 * proposals and rejecting the four after. The rest of the shortlist gets no outcome. Each vacancy's outcomes
 * share a day on which it was open, drawn from the {@code days} days up to {@code lastDay}, and the shortlist is
 * made as of that day.
 *
 * <p>The hidden preference differs from the defaults on purpose (employers here weigh language and distance more),
 * so tuning on these outcomes has something to find; evaluation tests check that it does.
 */
public final class OutcomeSimulator {
    /** How many candidates a consultant shortlists per vacancy. */
    public static final int SHORTLIST = 15;
    /** The employers' hidden preference. */
    public static final ScoringWeights EMPLOYER_WEIGHTS = new ScoringWeights(0.35, 0.30, 0.25, 0.05, 0.05, 10.0);
    /** The spread of the employers' judgement around the hidden score. */
    public static final double NOISE = 0.02;

    private OutcomeSimulator() {
    }

    /**
     * Outcomes for {@code vacancies} vacancies of the matcher (chosen by the seed among those with candidates),
     * sorted by day.
     */
    public static List<Outcome> simulate(Matcher matcher, int vacancies, long seed, LocalDate lastDay, int days) {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(lastDay, "lastDay");
        if (vacancies < 0) {
            throw new InvalidInputException("vacancies", "must be 0 or more, got " + vacancies);
        }
        if (days < 1 || days > 3650) {
            throw new InvalidInputException("days", "must be from 1 to 3650, got " + days);
        }
        List<String> ids = new ArrayList<>();
        matcher.forEachVacancy(v -> ids.add(v.id()));
        ids.sort(Comparator.naturalOrder());
        SplittableRandom random = new SplittableRandom(seed);
        // A seeded shuffle, so that any prefix is a random sample.
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        PairScorer scorer = matcher.scorer();
        MatchRequest shortlist = MatchRequest.builder().k(SHORTLIST).build();
        List<Outcome> out = new ArrayList<>();
        int done = 0;
        for (String id : ids) {
            if (done == vacancies) {
                break;
            }
            Vacancy vacancy = matcher.vacancy(id).orElseThrow();
            // A day on which the vacancy was open, within the period; the shortlist is made as of that day.
            LocalDate first = lastDay.minusDays(days - 1);
            if (vacancy.openFrom() != null && vacancy.openFrom().isAfter(first)) {
                first = vacancy.openFrom();
            }
            LocalDate last = vacancy.openUntil() != null && vacancy.openUntil().isBefore(lastDay) ? vacancy.openUntil() : lastDay;
            if (first.isAfter(last)) {
                continue; // not open in the period
            }
            LocalDate day = first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
            List<Match> page = matcher.candidatesFor(id, shortlist.toBuilder().openOn(day).build()).matches();
            if (page.size() < 4) {
                continue; // too few candidates for a hiring round
            }
            record Judged(String profile, double utility) {
            }
            List<Judged> judged = new ArrayList<>();
            for (Match m : page) {
                Profile p = matcher.profile(m.id()).orElseThrow();
                judged.add(new Judged(m.id(), scorer.score(p, vacancy, EMPLOYER_WEIGHTS) + NOISE * random.nextGaussian()));
            }
            judged.sort(Comparator.comparingDouble(Judged::utility).reversed());
            for (int i = 0; i < Math.min(10, judged.size()); i++) {
                OutcomeKind kind = i == 0 ? OutcomeKind.HIRED : i < 3 ? OutcomeKind.INTERVIEWED
                        : i < 6 ? OutcomeKind.PROPOSED : OutcomeKind.REJECTED;
                out.add(new Outcome(judged.get(i).profile(), id, kind, day));
            }
            done++;
        }
        out.sort(Comparator.comparing(Outcome::date).thenComparing(Outcome::vacancy).thenComparing(Outcome::profile));
        return List.copyOf(out);
    }
}
