package nl.werkmatch.matcher.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The flow solver against optima computed here independently: exhaustive search over every subset of pairs on
 * small instances, and a textbook successive-shortest-path flow with Bellman-Ford on unscaled doubles on larger
 * ones. Every capacity holds, and the solution beats a capped greedy pass or ties it.
 */
class FlowSolverTest {

    /** A random instance: vacancies with places, candidates with a shared capacity, weighted pairs. */
    record Instance(int[] places, int candidates, int maxPerCandidate, int[] vacancy, int[] candidate, double[] score) {
        FlowSolver.Problem problem() {
            long[] w = Arrays.stream(score).mapToLong(FlowSolver::scale).toArray();
            return new FlowSolver.Problem(places, candidates, maxPerCandidate, vacancy, candidate, w);
        }

        int edges() {
            return score.length;
        }
    }

    static Instance random(SplittableRandom rng, int vacancies, int candidates, double density, boolean quantized) {
        int[] places = new int[vacancies];
        for (int v = 0; v < vacancies; v++) {
            places[v] = 1 + rng.nextInt(3);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int v = 0; v < vacancies; v++) {
            for (int c = 0; c < candidates; c++) {
                if (rng.nextDouble() < density) {
                    pairs.add(new int[] {v, c});
                }
            }
        }
        int[] ev = new int[pairs.size()];
        int[] ec = new int[pairs.size()];
        double[] s = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            ev[i] = pairs.get(i)[0];
            ec[i] = pairs.get(i)[1];
            // Quantized scores make many exact ties; the others are arbitrary doubles, as the engine's are.
            s[i] = quantized ? rng.nextInt(0, 11) / 10.0 : rng.nextDouble();
        }
        return new Instance(places, candidates, 1 + rng.nextInt(2), ev, ec, s);
    }

    @Test
    void equalsTheExhaustiveOptimumOnSmallInstances() {
        SplittableRandom rng = new SplittableRandom(13);
        int checked = 0;
        while (checked < 300) {
            Instance in = random(rng, 1 + rng.nextInt(4), 1 + rng.nextInt(5), 0.4 + 0.6 * rng.nextDouble(), rng.nextBoolean());
            if (in.edges() > 16) {
                continue;
            }
            FlowSolver.Solution s = FlowSolver.solve(in.problem());
            assertFeasible(in, s.chosen());
            double best = exhaustive(in, 0, new int[in.places().length], new int[in.candidates()], 0);
            assertThat(total(in, s.chosen())).as("instance %s", in).isCloseTo(best, org.assertj.core.data.Offset.offset(
                    in.edges() * 1e-8 + 1e-12));
            checked++;
        }
    }

    @Test
    void equalsAnIndependentFlowOptimumOnLargerInstances() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int round = 0; round < 60; round++) {
            Instance in = random(rng, 5 + rng.nextInt(20), 5 + rng.nextInt(40), 0.05 + 0.4 * rng.nextDouble(),
                    round % 3 == 0);
            FlowSolver.Solution s = FlowSolver.solve(in.problem());
            assertFeasible(in, s.chosen());
            double reference = bellmanFordOptimum(in);
            double got = total(in, s.chosen());
            // Scores enter the solver rounded to 1e-8, so two solutions closer than that may swap.
            assertThat(got).as("round %d", round).isBetween(reference - in.edges() * 1e-8, reference + 1e-9);
            assertThat(s.total()).isEqualTo(scaledTotal(in, s.chosen()));
            assertThat(s.dualTotal()).as("the dual certifies the optimum").isEqualTo(s.total());
            assertThat(s.total()).as("JGraphT's capacity-scaling solver on the same integers").isEqualTo(jgrapht(in));
            assertThat(got).isGreaterThanOrEqualTo(greedy(in) - 1e-9);
        }
    }

    /**
     * A crowded market as the allocation meets it: a few strong candidates score high with every vacancy (so they
     * are on every list and the searches run through them), lists in rank order, more places than room. Checks the
     * optimum against the Bellman-Ford flow and JGraphT, and the dual prices one by one: complementary slackness
     * holds for every pair and capacity, which is what the allocation's proof relies on.
     */
    @Test
    void crowdedMarketsAreSolvedExactlyWithConsistentPrices() {
        SplittableRandom rng = new SplittableRandom(34);
        for (int round = 0; round < 40; round++) {
            int nv = 10 + rng.nextInt(30);
            int nc = 8 + rng.nextInt(40);
            double[] strength = new double[nc];
            for (int c = 0; c < nc; c++) {
                strength[c] = rng.nextDouble() < 0.2 ? 0.8 + 0.2 * rng.nextDouble() : 0.3 + 0.5 * rng.nextDouble();
            }
            int[] places = new int[nv];
            List<int[]> pairs = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (int v = 0; v < nv; v++) {
                places[v] = 1 + rng.nextInt(6);
                List<double[]> list = new ArrayList<>();
                for (int c = 0; c < nc; c++) {
                    if (rng.nextDouble() < 0.7) {
                        double score = Math.min(1, Math.max(0, strength[c] + 0.1 * (rng.nextDouble() - 0.5)));
                        list.add(new double[] {c, round % 4 == 0 ? Math.round(score * 20) / 20.0 : score});
                    }
                }
                list.sort((a, b) -> Double.compare(b[1], a[1]));
                for (double[] e : list.subList(0, Math.min(list.size(), 2 + rng.nextInt(12)))) {
                    pairs.add(new int[] {v, (int) e[0]});
                    scores.add(e[1]);
                }
            }
            Instance in = new Instance(places, nc, 1 + rng.nextInt(3), pairs.stream().mapToInt(e -> e[0]).toArray(),
                    pairs.stream().mapToInt(e -> e[1]).toArray(), scores.stream().mapToDouble(d -> d).toArray());
            FlowSolver.Solution s = FlowSolver.solve(in.problem());
            assertFeasible(in, s.chosen());
            assertThat(s.total()).as("round %d: JGraphT on the same integers", round).isEqualTo(jgrapht(in));
            double reference = bellmanFordOptimum(in);
            assertThat(total(in, s.chosen())).isBetween(reference - in.edges() * 1e-8, reference + 1e-9);
            assertThat(s.dualTotal()).isEqualTo(s.total());
            int[] filled = new int[nv];
            int[] lists = new int[nc];
            long[] w = in.problem().weight();
            for (int e = 0; e < in.edges(); e++) {
                long price = s.slotValue()[in.vacancy()[e]] + s.candidatePrice()[in.candidate()[e]];
                if (s.chosen()[e]) {
                    filled[in.vacancy()[e]]++;
                    lists[in.candidate()[e]]++;
                    assertThat(w[e]).as("a chosen pair pays its prices").isGreaterThanOrEqualTo(price);
                } else {
                    assertThat(w[e]).as("a pair left out is not worth its prices").isLessThanOrEqualTo(price);
                }
            }
            for (int v = 0; v < nv; v++) {
                if (filled[v] < places[v]) {
                    assertThat(s.slotValue()[v]).as("a vacancy with an empty place has no slot value").isZero();
                }
            }
            for (int c = 0; c < nc; c++) {
                if (lists[c] < in.maxPerCandidate()) {
                    assertThat(s.candidatePrice()[c]).as("a candidate with room has no price").isZero();
                }
            }
        }
    }

    @Test
    void quantizedScoresGiveExactlyTheOptimum() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int round = 0; round < 40; round++) {
            Instance in = random(rng, 4 + rng.nextInt(10), 4 + rng.nextInt(20), 0.3, true);
            // Tenths scale to exact integers, so the solver's total in integer units is the exact optimum.
            long optimum = Math.round(bellmanFordOptimum(in) * 10) * (long) (FlowSolver.SCALE / 10);
            assertThat(FlowSolver.solve(in.problem()).total()).isEqualTo(optimum);
        }
    }

    @Test
    void theTailBoundProvesWhenMissingPairsCannotHelp() {
        // Proof soundness: drop each vacancy's weaker pairs; wherever the bound says the dropped pairs cannot help,
        // the optimum of the cut problem must equal the full optimum.
        SplittableRandom rng = new SplittableRandom(99);
        int provenCases = 0;
        for (int round = 0; round < 200; round++) {
            Instance full = random(rng, 3 + rng.nextInt(6), 4 + rng.nextInt(10), 0.6, round % 2 == 0);
            int keep = 1 + rng.nextInt(4);
            Instance cut = keepBest(full, keep);
            FlowSolver.Solution s = FlowSolver.solve(cut.problem());
            boolean proven = true;
            for (int v = 0; v < full.places().length; v++) {
                double bestDropped = -1;
                for (int e = 0; e < full.edges(); e++) {
                    if (full.vacancy()[e] == v && !contains(cut, full, e)) {
                        bestDropped = Math.max(bestDropped, full.score()[e]);
                    }
                }
                if (bestDropped >= 0 && FlowSolver.scale(bestDropped) > s.slotValue()[v]) {
                    proven = false;
                }
            }
            if (proven) {
                provenCases++;
                assertThat(total(cut, s.chosen())).as("round %d", round)
                        .isCloseTo(bellmanFordOptimum(full), org.assertj.core.data.Offset.offset(full.edges() * 1e-8));
            }
        }
        assertThat(provenCases).as("the bound proves some cut instances").isGreaterThan(40);
    }

    @Test
    void theSameProblemGivesTheSameSolution() {
        Instance in = random(new SplittableRandom(3), 30, 60, 0.3, true); // many ties
        boolean[] first = FlowSolver.solve(in.problem()).chosen();
        for (int i = 0; i < 5; i++) {
            assertThat(FlowSolver.solve(in.problem()).chosen()).isEqualTo(first);
        }
    }

    // ---- references

    private static void assertFeasible(Instance in, boolean[] chosen) {
        int[] perVacancy = new int[in.places().length];
        int[] perCandidate = new int[in.candidates()];
        for (int e = 0; e < in.edges(); e++) {
            if (chosen[e]) {
                perVacancy[in.vacancy()[e]]++;
                perCandidate[in.candidate()[e]]++;
            }
        }
        for (int v = 0; v < perVacancy.length; v++) {
            assertThat(perVacancy[v]).isLessThanOrEqualTo(in.places()[v]);
        }
        for (int n : perCandidate) {
            assertThat(n).isLessThanOrEqualTo(in.maxPerCandidate());
        }
    }

    private static double total(Instance in, boolean[] chosen) {
        double t = 0;
        for (int e = 0; e < in.edges(); e++) {
            if (chosen[e]) {
                t += in.score()[e];
            }
        }
        return t;
    }

    private static long scaledTotal(Instance in, boolean[] chosen) {
        long t = 0;
        for (int e = 0; e < in.edges(); e++) {
            if (chosen[e]) {
                t += FlowSolver.scale(in.score()[e]);
            }
        }
        return t;
    }

    /** The optimum by JGraphT's capacity-scaling minimum-cost flow, in the solver's integer weights. */
    static long jgrapht(Instance in) {
        int nv = in.places().length;
        int sink = nv + in.candidates();
        org.jgrapht.Graph<Integer, Integer> g = org.jgrapht.graph.builder.GraphTypeBuilder.<Integer, Integer>directed()
                .allowingMultipleEdges(false).allowingSelfLoops(false).weighted(false)
                .vertexSupplier(org.jgrapht.util.SupplierUtil.createIntegerSupplier())
                .edgeSupplier(org.jgrapht.util.SupplierUtil.createIntegerSupplier()).buildGraph();
        for (int i = 0; i <= sink; i++) {
            g.addVertex();
        }
        List<Integer> capacity = new ArrayList<>();
        List<Double> cost = new ArrayList<>();
        int supply = 0;
        for (int e = 0; e < in.edges(); e++) {
            g.addEdge(in.vacancy()[e], nv + in.candidate()[e]);
            capacity.add(1);
            cost.add((double) -FlowSolver.scale(in.score()[e])); // negative costs: JGraphT saturates them first
        }
        for (int v = 0; v < nv; v++) {
            g.addEdge(v, sink);
            capacity.add(in.places()[v]);
            cost.add(0.0);
            supply += in.places()[v];
        }
        for (int c = 0; c < in.candidates(); c++) {
            g.addEdge(nv + c, sink);
            capacity.add(in.maxPerCandidate());
            cost.add(0.0);
        }
        int total = supply;
        var weighted = new org.jgrapht.graph.AsWeightedGraph<>(g, cost::get, false, false);
        var problem = new org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(weighted,
                v -> v < nv ? in.places()[v] : v == sink ? -total : 0, capacity::get);
        double minCost = new org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow<Integer, Integer>()
                .getMinimumCostFlow(problem).getCost();
        return Math.round(-minCost);
    }

    /** The best total over every subset of pairs from {@code e} on that respects the capacities. */
    private static double exhaustive(Instance in, int e, int[] usedV, int[] usedC, double sum) {
        if (e == in.edges()) {
            return sum;
        }
        double best = exhaustive(in, e + 1, usedV, usedC, sum);
        int v = in.vacancy()[e];
        int c = in.candidate()[e];
        if (usedV[v] < in.places()[v] && usedC[c] < in.maxPerCandidate()) {
            usedV[v]++;
            usedC[c]++;
            best = Math.max(best, exhaustive(in, e + 1, usedV, usedC, sum + in.score()[e]));
            usedV[v]--;
            usedC[c]--;
        }
        return best;
    }

    /** Greedy: pairs by score, best first, taken while both sides have room. */
    static double greedy(Instance in) {
        Integer[] order = new Integer[in.edges()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(in.score()[b], in.score()[a]));
        int[] usedV = new int[in.places().length];
        int[] usedC = new int[in.candidates()];
        double t = 0;
        for (int e : order) {
            int v = in.vacancy()[e];
            int c = in.candidate()[e];
            if (usedV[v] < in.places()[v] && usedC[c] < in.maxPerCandidate()) {
                usedV[v]++;
                usedC[c]++;
                t += in.score()[e];
            }
        }
        return t;
    }

    /**
     * Maximum-weight flow by successive shortest paths: source -> vacancy (its places) -> candidate (1, cost -score)
     * -> sink (maxPerCandidate); Bellman-Ford on the residual graph, augment one unit while the shortest path has a
     * negative cost. Independent of the solver under test: other formulation, no scaling, no potentials.
     */
    static double bellmanFordOptimum(Instance in) {
        int nv = in.places().length;
        int nc = in.candidates();
        int source = nv + nc;
        int sink = source + 1;
        int n = sink + 1;
        List<int[]> arcs = new ArrayList<>(); // from, to, capacity (mutable via cap list)
        List<Double> cost = new ArrayList<>();
        List<Integer> cap = new ArrayList<>();
        class Add {
            void arc(int from, int to, int capacity, double c) {
                arcs.add(new int[] {from, to});
                cap.add(capacity);
                cost.add(c);
                arcs.add(new int[] {to, from});
                cap.add(0);
                cost.add(-c);
            }
        }
        Add add = new Add();
        for (int v = 0; v < nv; v++) {
            add.arc(source, v, in.places()[v], 0);
        }
        for (int e = 0; e < in.edges(); e++) {
            add.arc(in.vacancy()[e], nv + in.candidate()[e], 1, -in.score()[e]);
        }
        for (int c = 0; c < nc; c++) {
            add.arc(nv + c, sink, in.maxPerCandidate(), 0);
        }
        double total = 0;
        while (true) {
            double[] dist = new double[n];
            int[] via = new int[n];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(via, -1);
            dist[source] = 0;
            for (int iter = 0; iter < n; iter++) {
                boolean changed = false;
                for (int a = 0; a < arcs.size(); a++) {
                    int from = arcs.get(a)[0];
                    int to = arcs.get(a)[1];
                    if (cap.get(a) > 0 && dist[from] + cost.get(a) < dist[to] - 1e-12) {
                        dist[to] = dist[from] + cost.get(a);
                        via[to] = a;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            if (!(dist[sink] < -1e-12)) {
                return total;
            }
            for (int node = sink; node != source; node = arcs.get(via[node])[0]) {
                int a = via[node];
                cap.set(a, cap.get(a) - 1);
                cap.set(a ^ 1, cap.get(a ^ 1) + 1);
            }
            total -= dist[sink];
        }
    }

    /** The instance with each vacancy's {@code keep} best pairs (ties by candidate) only. */
    private static Instance keepBest(Instance full, int keep) {
        List<Integer> kept = new ArrayList<>();
        for (int v = 0; v < full.places().length; v++) {
            int vv = v;
            List<Integer> mine = new ArrayList<>();
            for (int e = 0; e < full.edges(); e++) {
                if (full.vacancy()[e] == vv) {
                    mine.add(e);
                }
            }
            mine.sort((a, b) -> full.score()[a] != full.score()[b] ? Double.compare(full.score()[b], full.score()[a])
                    : Integer.compare(full.candidate()[a], full.candidate()[b]));
            kept.addAll(mine.subList(0, Math.min(keep, mine.size())));
        }
        int[] ev = kept.stream().mapToInt(e -> full.vacancy()[e]).toArray();
        int[] ec = kept.stream().mapToInt(e -> full.candidate()[e]).toArray();
        double[] s = kept.stream().mapToDouble(e -> full.score()[e]).toArray();
        return new Instance(full.places(), full.candidates(), full.maxPerCandidate(), ev, ec, s);
    }

    private static boolean contains(Instance cut, Instance full, int e) {
        for (int i = 0; i < cut.edges(); i++) {
            if (cut.vacancy()[i] == full.vacancy()[e] && cut.candidate()[i] == full.candidate()[e]) {
                return true;
            }
        }
        return false;
    }
}
