package nl.werkmatch.matcher.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.WerkmatchException;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Computes an {@link Allocation}; called through {@code Matcher.allocate}.
 *
 * <p>How: each vacancy in scope gets its exact top-N eligible candidates from the engine (every core, one vacancy
 * per task), at first N = the larger of places x (maxPerCandidate + 1) + 5 and {@value #FIRST_DEPTH}, within
 * {@code maxCandidatesPerVacancy}. Those pairs are the edges of a minimum-cost flow
 * ({@link FlowSolver}) that maximises the total score plus the bonus for unseen candidates under the capacities.
 * The flow's dual solution then proves, per vacancy, that no candidate beyond its N-th could improve the total:
 * every such candidate scores at most the N-th's score (plus the bonus), and the dual says how much a new pair
 * must bring to be worth taking. Where the proof fails (a vacancy with empty places and a cut list, or one whose
 * last places are worth less than its N-th candidate could bring), that vacancy's list is fetched four times as
 * long and the flow solved again, until every vacancy is proven or its list reaches
 * {@code maxCandidatesPerVacancy}. The result is then optimal over every eligible pair, not only over the fetched
 * ones (relative to the engine's ranking, which is exact, equal scores ordered by id).
 *
 * <p>Deterministic: vacancies and pairs enter the solver in id and rank order, and every list is sorted by score
 * then id, so the same data and request give the same shortlists whatever order the records were written in.
 */
public final class Allocator {
    /** The most candidate-vacancy pairs the solver takes on (about 200 bytes each in the solver). */
    static final int MAX_EDGES = 2_000_000;
    /** How much longer a list gets when the proof asks for more of it. */
    static final int WIDEN = 4;
    /** The most times the flow is solved; each round widens only the lists the proof found too short. */
    static final int MAX_ROUNDS = 6;
    /**
     * The shortest list fetched at first. An engine query costs about the same for 25 hits as for 100 (it scores
     * the same documents; only the rescored window grows), while fetching a list again to widen it costs a whole
     * query, so the first fetch goes this deep.
     */
    static final int FIRST_DEPTH = 100;

    private Allocator() {
    }

    /**
     * Allocates; the same as {@code matcher.allocate(request)}.
     *
     * @param today the day to use when the request names none (the matcher's today)
     * @throws nl.werkmatch.matcher.InvalidInputException for an unknown region, municipality or vacancy, a vacancy
     *         not open on the day, or a scope with no open vacancy
     */
    public static Allocation allocate(Matcher matcher, AllocationRequest request, LocalDate today) {
        return allocate(matcher, request, today, FIRST_DEPTH);
    }

    /** Allocates with first lists at least {@code firstDepth} long (tests start shorter to exercise widening). */
    static Allocation allocate(Matcher matcher, AllocationRequest request, LocalDate today, int firstDepth) {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(request, "request");
        LocalDate day = request.day() != null ? request.day() : Objects.requireNonNull(today, "today");
        return new Run(matcher, request, day, firstDepth).run();
    }

    /** One allocation's state. */
    private static final class Run {
        private final Matcher matcher;
        private final AllocationRequest r;
        private final LocalDate day;
        private final AllocationProgress progress;
        private final int firstDepth;
        private long queryNanos;
        private long solverNanos;

        Run(Matcher matcher, AllocationRequest r, LocalDate day, int firstDepth) {
            this.matcher = matcher;
            this.firstDepth = firstDepth;
            this.r = r;
            this.day = day;
            this.progress = r.progress();
        }

        Allocation run() {
            List<Vacancy> vacancies = Scope.resolve(matcher, r, day);
            int nv = vacancies.size();
            int[] places = new int[nv];
            for (int v = 0; v < nv; v++) {
                places[v] = (int) Math.min(1_000_000, (long) r.perPosition() * vacancies.get(v).positions());
            }
            int[] wanted = firstLengths(places, r.maxPerCandidate(), r.maxCandidatesPerVacancy(), firstDepth,
                    MAX_EDGES);
            List<List<Match>> lists = new ArrayList<>(java.util.Collections.nCopies(nv, List.of()));
            boolean[] cut = new boolean[nv];
            int[] toFetch = range(nv);
            int rounds = 0;
            boolean proven;
            Problem problem;
            FlowSolver.Solution solution;
            long bonus = r.priorityForUnseen() > 0 ? FlowSolver.scale(r.priorityForUnseen()) : 0;
            long upperBound;
            while (true) {
                fetch(vacancies, toFetch, wanted, lists, cut, rounds == 0 ? "ranking candidates" : "widening lists");
                problem = Problem.of(lists, places, r);
                long start = System.nanoTime();
                progress.update("solving", 0, 1);
                solution = FlowSolver.solve(problem.flow);
                solverNanos += System.nanoTime() - start;
                rounds++;
                progress.update("solving", 1, 1);
                // A pair beyond a cut list scores at most the list's last score (plus the bonus); it can improve the
                // total only if that beats the vacancy's slot value. Raising the slot value to that keeps the dual
                // feasible for every eligible pair, so the raised dual bounds the optimum over all of them.
                List<Integer> widen = new ArrayList<>();
                upperBound = solution.dualTotal();
                long edges = problem.flow.edges();
                for (int v = 0; v < nv; v++) {
                    if (!cut[v]) {
                        continue;
                    }
                    List<Match> list = lists.get(v);
                    long tail = FlowSolver.scale(list.get(list.size() - 1).score()) + bonus;
                    long slot = solution.slotValue()[v];
                    if (tail <= slot) {
                        continue;
                    }
                    upperBound += (long) places[v] * (tail - slot);
                    int longer = (int) Math.min(r.maxCandidatesPerVacancy(), (long) WIDEN * wanted[v]);
                    if (longer > wanted[v] && edges + longer - list.size() <= MAX_EDGES) {
                        edges += longer - list.size();
                        wanted[v] = longer;
                        widen.add(v);
                    }
                }
                if (widen.isEmpty() || rounds >= MAX_ROUNDS) {
                    break;
                }
                toFetch = widen.stream().mapToInt(Integer::intValue).toArray();
            }
            proven = upperBound == solution.total();
            return assemble(vacancies, places, lists, cut, problem, solution, rounds, proven, upperBound);
        }

        /** Fetches the lists of the given vacancies, every core at once. */
        private void fetch(List<Vacancy> vacancies, int[] which, int[] wanted, List<List<Match>> lists, boolean[] cut,
                           String stage) {
            long start = System.nanoTime();
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), which.length));
            AtomicInteger done = new AtomicInteger();
            progress.update(stage, 0, which.length);
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
                Thread t = new Thread(task, "werkmatch-allocation");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Match>>> futures = new ArrayList<>(which.length);
                for (int v : which) {
                    String id = vacancies.get(v).id();
                    int n = wanted[v];
                    List<Match> have = lists.get(v);
                    futures.add(pool.submit(() -> {
                        List<Match> list = topCandidates(id, have, n);
                        progress.update(stage, done.incrementAndGet(), which.length);
                        return list;
                    }));
                }
                for (int i = 0; i < which.length; i++) {
                    List<Match> list = futures.get(i).get();
                    lists.set(which[i], list);
                    cut[which[i]] = list.size() >= wanted[which[i]];
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WerkmatchException("interrupted while ranking candidates", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new WerkmatchException("ranking candidates failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
                queryNanos += System.nanoTime() - start;
            }
        }

        /**
         * The vacancy's best n eligible candidates, best first (ties by id): the ones it has plus the next pages of
         * its ranking (at most {@link MatchRequest#MAX_K} a page).
         */
        private List<Match> topCandidates(String vacancyId, List<Match> have, int n) {
            Map<String, Match> byId = new LinkedHashMap<>();
            have.forEach(m -> byId.put(m.id(), m));
            for (int offset = have.size(); offset < n; ) {
                int k = Math.min(MatchRequest.MAX_K, n - offset);
                MatchRequest page = r.filters().toBuilder().k(k).offset(offset).minScore(r.minScore()).openOn(day)
                        .explain(false).build();
                MatchPage got = matcher.candidatesFor(vacancyId, page);
                for (Match m : got.matches()) {
                    byId.putIfAbsent(m.id(), m);
                }
                if (got.matches().size() < k) {
                    break;
                }
                offset += k;
            }
            List<Match> list = new ArrayList<>(byId.values());
            list.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id));
            return List.copyOf(list);
        }

        private Allocation assemble(List<Vacancy> vacancies, int[] places, List<List<Match>> lists, boolean[] cut,
                                    Problem problem, FlowSolver.Solution solution, int rounds, boolean proven,
                                    long upperBound) {
            int nv = vacancies.size();
            int nc = problem.candidateIds.length;
            int[] allocatedLists = new int[nc];
            int e = 0;
            List<List<Allocation.Invitation>> chosen = new ArrayList<>(nv);
            for (int v = 0; v < nv; v++) {
                List<Allocation.Invitation> mine = new ArrayList<>();
                List<Match> list = lists.get(v);
                for (int i = 0; i < list.size(); i++, e++) {
                    if (solution.chosen()[e]) {
                        mine.add(new Allocation.Invitation(list.get(i).id(), list.get(i).score(), i + 1));
                        allocatedLists[problem.flow.candidate()[e]]++;
                    }
                }
                chosen.add(mine);
            }
            List<Allocation.Shortlist> shortlists = new ArrayList<>(nv);
            List<Allocation.Unfilled> unfilled = new ArrayList<>();
            e = 0;
            for (int v = 0; v < nv; v++) {
                Vacancy vacancy = vacancies.get(v);
                List<Allocation.Invitation> mine = chosen.get(v);
                // Already in rank order, which is score order with ties by id.
                shortlists.add(new Allocation.Shortlist(vacancy.id(), vacancy.positions(), places[v], mine));
                List<Match> list = lists.get(v);
                if (mine.size() < places[v]) {
                    int taken = 0;
                    for (int i = 0; i < list.size(); i++) {
                        int c = problem.flow.candidate()[e + i];
                        if (!solution.chosen()[e + i] && allocatedLists[c] >= r.maxPerCandidate()) {
                            taken++;
                        }
                    }
                    unfilled.add(new Allocation.Unfilled(vacancy.id(), places[v], mine.size(), list.size(), cut[v],
                            taken, taken > 0 ? Allocation.Reason.TAKEN_ELSEWHERE : Allocation.Reason.TOO_FEW_ELIGIBLE));
                }
                e += list.size();
            }
            List<String> uninvited = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                if (allocatedLists[c] == 0) {
                    uninvited.add(problem.candidateIds[c]);
                }
            }
            Allocation.Metrics allocated = metrics(chosen, allocatedLists, problem.candidateIndex);
            Allocation.Metrics plain = metrics(plainLists(lists, places), problem.plainCounts, problem.candidateIndex);
            Allocation.Solver report = new Allocation.Solver(nv, nc, problem.flow.edges(), rounds, proven,
                    solution.total() / FlowSolver.SCALE, upperBound / FlowSolver.SCALE, queryNanos / 1_000_000,
                    solverNanos / 1_000_000);
            return new Allocation(day, shortlists, unfilled, uninvited, allocated, plain, report);
        }

        private static List<List<Allocation.Invitation>> plainLists(List<List<Match>> lists, int[] places) {
            List<List<Allocation.Invitation>> out = new ArrayList<>(lists.size());
            for (int v = 0; v < lists.size(); v++) {
                List<Match> list = lists.get(v);
                List<Allocation.Invitation> top = new ArrayList<>();
                for (int i = 0; i < Math.min(places[v], list.size()); i++) {
                    top.add(new Allocation.Invitation(list.get(i).id(), list.get(i).score(), i + 1));
                }
                out.add(top);
            }
            return out;
        }

        private static Allocation.Metrics metrics(List<List<Allocation.Invitation>> lists, int[] perCandidate,
                                                  Map<String, Integer> index) {
            double total = 0;
            int invitations = 0;
            int withCandidates = 0;
            for (List<Allocation.Invitation> list : lists) {
                for (Allocation.Invitation inv : list) {
                    total += inv.score();
                    invitations++;
                }
                if (!list.isEmpty()) {
                    withCandidates++;
                }
            }
            int invited = 0;
            int most = 0;
            for (int n : perCandidate) {
                if (n > 0) {
                    invited++;
                }
                most = Math.max(most, n);
            }
            return new Allocation.Metrics(total, invitations, withCandidates, invited, most, Gini.of(perCandidate));
        }
    }

    /**
     * How long each vacancy's first list is: the larger of {@code firstDepth} and places x (maxPerCandidate + 1) + 5,
     * within {@code cap}; when that would exceed {@code maxEdges} pairs in all, every list is cut to an equal share
     * of them (at least 1), so that memory stays bounded whatever the scope and capacities (the proof then reports
     * a bound where the cut lists matter).
     */
    static int[] firstLengths(int[] places, int maxPerCandidate, int cap, int firstDepth, int maxEdges) {
        int nv = places.length;
        int[] out = new int[nv];
        long total = 0;
        for (int v = 0; v < nv; v++) {
            out[v] = (int) Math.min(cap, Math.max(firstDepth, (long) places[v] * (maxPerCandidate + 1) + 5));
            total += out[v];
        }
        if (total > maxEdges) {
            int share = Math.max(1, maxEdges / Math.max(1, nv));
            for (int v = 0; v < nv; v++) {
                out[v] = Math.min(out[v], share);
            }
        }
        return out;
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /** The flow problem made from the fetched lists, with the candidates indexed in id order. */
    private static final class Problem {
        final FlowSolver.Problem flow;
        final String[] candidateIds;
        final Map<String, Integer> candidateIndex;
        /** Plain lists each candidate is on. */
        final int[] plainCounts;

        private Problem(FlowSolver.Problem flow, String[] candidateIds, Map<String, Integer> candidateIndex,
                        int[] plainCounts) {
            this.flow = flow;
            this.candidateIds = candidateIds;
            this.candidateIndex = candidateIndex;
            this.plainCounts = plainCounts;
        }

        static Problem of(List<List<Match>> lists, int[] places, AllocationRequest r) {
            // Distinct ids first (a hash set), then sorted: far cheaper than a sorted set of every pair's id.
            java.util.HashSet<String> ids = new java.util.HashSet<>();
            int edges = 0;
            for (List<Match> list : lists) {
                edges += list.size();
                for (Match m : list) {
                    ids.add(m.id());
                }
            }
            String[] candidateIds = ids.toArray(String[]::new);
            Arrays.sort(candidateIds);
            Map<String, Integer> index = new HashMap<>(candidateIds.length * 2);
            for (int c = 0; c < candidateIds.length; c++) {
                index.put(candidateIds[c], c);
            }
            int[] plain = new int[candidateIds.length];
            for (int v = 0; v < lists.size(); v++) {
                List<Match> list = lists.get(v);
                for (int i = 0; i < Math.min(places[v], list.size()); i++) {
                    plain[index.get(list.get(i).id())]++;
                }
            }
            long bonus = FlowSolver.scale(r.priorityForUnseen());
            int[] vacancy = new int[edges];
            int[] candidate = new int[edges];
            long[] weight = new long[edges];
            int e = 0;
            for (int v = 0; v < lists.size(); v++) {
                for (Match m : lists.get(v)) {
                    int c = index.get(m.id());
                    vacancy[e] = v;
                    candidate[e] = c;
                    weight[e] = FlowSolver.scale(m.score()) + (plain[c] == 0 ? bonus : 0);
                    e++;
                }
            }
            return new Problem(new FlowSolver.Problem(places, candidateIds.length, r.maxPerCandidate(), vacancy,
                    candidate, weight), candidateIds, index, plain);
        }
    }
}
