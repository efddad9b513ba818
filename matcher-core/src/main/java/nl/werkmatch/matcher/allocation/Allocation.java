package nl.werkmatch.matcher.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The shortlists chosen for the vacancies in scope, what could not be filled, who is on no list, and the metrics
 * side by side with the plain way (each vacancy takes its own top {@code perPosition x positions}).
 *
 * <p>"Considered candidates" are the people on at least one vacancy's fetched list (its best eligible candidates:
 * first the larger of 100 and {@code places x (maxPerCandidate + 1) + 5}, within {@code maxCandidatesPerVacancy},
 * more where the proof of optimality asks for them); {@link #uninvited} and both Gini coefficients are over them.
 *
 * @param day the day the vacancies are open on
 * @param shortlists one per vacancy in scope, by vacancy id
 * @param unfilled the vacancies with fewer candidates than places, by vacancy id
 * @param uninvited considered candidates on no shortlist, by id
 * @param metrics the allocation's metrics
 * @param plain the same metrics for the plain way
 * @param solver how the optimum was found and proven
 */
public record Allocation(LocalDate day, List<Shortlist> shortlists, List<Unfilled> unfilled, List<String> uninvited,
                         Metrics metrics, Metrics plain, Solver solver) {

    /** Checks that the parts are given and copies the lists. */
    public Allocation {
        Objects.requireNonNull(day, "day");
        shortlists = List.copyOf(shortlists);
        unfilled = List.copyOf(unfilled);
        uninvited = List.copyOf(uninvited);
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(solver, "solver");
    }

    /**
     * One vacancy's shortlist, best first (ties by candidate id).
     *
     * @param vacancy the vacancy id
     * @param positions its open positions
     * @param places its shortlist places, {@code perPosition x positions}
     * @param candidates the candidates chosen for it
     */
    public record Shortlist(String vacancy, int positions, int places, List<Invitation> candidates) {
        /** Checks that the vacancy is given and copies the candidates. */
        public Shortlist {
            Objects.requireNonNull(vacancy, "vacancy");
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * A candidate on a shortlist.
     *
     * @param candidate the profile id
     * @param score the exact engine score of the pair
     * @param rank the candidate's place in the vacancy's plain ranking, from 1
     */
    public record Invitation(String candidate, double score, int rank) {
        /** Checks that the candidate is given. */
        public Invitation {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /** Why a vacancy got fewer candidates than places. */
    public enum Reason {
        /** Fewer candidates pass the filters at the minimum score than the vacancy has places. */
        TOO_FEW_ELIGIBLE,
        /** Some eligible candidates are on their maximum number of lists elsewhere, where they add more. */
        TAKEN_ELSEWHERE
    }

    /**
     * A vacancy with fewer candidates than places.
     *
     * @param vacancy the vacancy id
     * @param places its shortlist places
     * @param filled how many it got
     * @param eligible how many candidates were found eligible for it (at least this many when {@code eligibleAtLeast})
     * @param eligibleAtLeast whether the list was cut at {@code maxCandidatesPerVacancy}, so more may exist
     * @param takenElsewhere eligible candidates not on its list because they are on their maximum number of lists
     * @param reason why
     */
    public record Unfilled(String vacancy, int places, int filled, int eligible, boolean eligibleAtLeast,
                           int takenElsewhere, Reason reason) {
        /** Checks that the vacancy and the reason are given. */
        public Unfilled {
            Objects.requireNonNull(vacancy, "vacancy");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * How a set of shortlists shares out the positions.
     *
     * @param totalScore the sum of the engine scores of every invitation (without any bonus)
     * @param invitations the number of invitations (places filled)
     * @param vacanciesWithCandidates vacancies with at least one candidate
     * @param candidatesInvited distinct candidates on at least one list
     * @param maxListsPerCandidate the most lists one person is on
     * @param gini the Gini coefficient of invitations per considered candidate (0: all equal; near 1: a few get all)
     */
    public record Metrics(double totalScore, int invitations, int vacanciesWithCandidates, int candidatesInvited,
                          int maxListsPerCandidate, double gini) {
    }

    /**
     * How the optimum was found.
     *
     * @param vacancies vacancies in scope
     * @param consideredCandidates distinct candidates on the fetched lists
     * @param edges candidate-vacancy pairs the solver chose from
     * @param rounds how many times the flow was solved (a round widens the lists the proof found too short)
     * @param proven whether {@code objective} is proven to be the optimum over every eligible pair, not only over
     *        the fetched ones (false only where a list reached {@code maxCandidatesPerVacancy} or the round limit)
     * @param objective the maximised total: scores plus the bonus for unseen candidates
     * @param upperBound no allocation over every eligible pair can reach more than this (a dual bound; equal to
     *        {@code objective} when proven)
     * @param queryMillis wall time spent ranking candidates with the engine
     * @param solverMillis wall time spent in the minimum-cost flow solver
     */
    public record Solver(int vacancies, int consideredCandidates, int edges, int rounds, boolean proven,
                         double objective, double upperBound, long queryMillis, long solverMillis) {
    }
}
