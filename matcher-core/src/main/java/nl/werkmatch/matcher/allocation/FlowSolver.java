package nl.werkmatch.matcher.allocation;

import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm.MinimumCostFlow;
import org.jgrapht.graph.AsWeightedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.util.SupplierUtil;

/**
 * The capacitated assignment as a minimum-cost flow, solved by JGraphT's capacity-scaling algorithm.
 *
 * <p>Maximise the sum of the chosen edges' weights such that vacancy v gets at most {@code places[v]} candidates,
 * each candidate is on at most {@code maxPerCandidate} lists and each pair is chosen at most once. Network: each
 * vacancy supplies its places; an edge vacancy -> candidate (capacity 1, cost {@code C - w}); each candidate ->
 * sink (capacity maxPerCandidate, cost 0); each vacancy -> sink directly (capacity its places, cost {@code C}: a
 * place left empty). Every unit of flow costs C less the weight it collects, so the minimum cost is the maximum
 * weight. All costs are non-negative, so the solver saturates nothing up front.
 *
 * <p>Weights are integers (scores scaled by {@link #SCALE}), so the solver's double arithmetic is exact: every
 * cost and potential is an integer below 2^53.
 */
final class FlowSolver {
    /** Score units per cost unit: scores are rounded to 1e-8 (the solver allows costs below 1e9). */
    static final double SCALE = 1e8;
    /** The largest weight an edge may have: score 1 plus a bonus of at most 1. */
    static final long MAX_WEIGHT = 2 * (long) SCALE;

    /** Edges of a problem; edge i joins vacancy {@code vacancy[i]} and candidate {@code candidate[i]}. */
    record Problem(int[] places, int candidates, int maxPerCandidate, int[] vacancy, int[] candidate, long[] weight) {
        Problem {
            if (vacancy.length != candidate.length || vacancy.length != weight.length) {
                throw new IllegalArgumentException("edge arrays differ in length");
            }
            for (long w : weight) {
                if (w < 0 || w > MAX_WEIGHT) {
                    throw new IllegalArgumentException("edge weight out of range: " + w);
                }
            }
        }

        int vacancies() {
            return places.length;
        }

        int edges() {
            return weight.length;
        }
    }

    /**
     * @param chosen which edges are in the optimum
     * @param total the optimum's total weight
     * @param tailBound per vacancy, the largest weight an edge not in the problem may have without being able to
     *        improve the optimum (from the dual solution; negative when any positive edge could)
     */
    record Solution(boolean[] chosen, long total, long[] tailBound) {
    }

    private FlowSolver() {
    }

    static long scale(double score) {
        return Math.round(score * SCALE);
    }

    static Solution solve(Problem p) {
        int nv = p.vacancies();
        int nc = p.candidates();
        int sink = nv + nc;
        long cost = MAX_WEIGHT;
        Graph<Integer, Integer> g = GraphTypeBuilder.<Integer, Integer>directed()
                .allowingMultipleEdges(false).allowingSelfLoops(false).weighted(false)
                .vertexSupplier(SupplierUtil.createIntegerSupplier())
                .edgeSupplier(SupplierUtil.createIntegerSupplier())
                .buildGraph();
        for (int i = 0; i <= sink; i++) {
            g.addVertex();
        }
        int m = p.edges();
        int edges = m + nv + nc;
        int[] capacity = new int[edges];
        double[] edgeCost = new double[edges];
        // Edge ids come from the supplier in insertion order: the pairs, then vacancy -> sink, then candidate -> sink.
        for (int i = 0; i < m; i++) {
            g.addEdge(p.vacancy()[i], nv + p.candidate()[i]);
            capacity[i] = 1;
            edgeCost[i] = cost - p.weight()[i];
        }
        int supply = 0;
        for (int v = 0; v < nv; v++) {
            g.addEdge(v, sink);
            capacity[m + v] = p.places()[v];
            edgeCost[m + v] = cost;
            supply += p.places()[v];
        }
        for (int c = 0; c < nc; c++) {
            g.addEdge(nv + c, sink);
            capacity[m + nv + c] = p.maxPerCandidate();
            edgeCost[m + nv + c] = 0;
        }
        int totalSupply = supply;
        Graph<Integer, Integer> weighted = new AsWeightedGraph<>(g, e -> edgeCost[e], false, false);
        MinimumCostFlowProblem<Integer, Integer> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                weighted, v -> v < nv ? p.places()[v] : v == sink ? -totalSupply : 0, e -> capacity[e]);
        CapacityScalingMinimumCostFlow<Integer, Integer> solver = new CapacityScalingMinimumCostFlow<>();
        MinimumCostFlow<Integer> flow = solver.getMinimumCostFlow(problem);
        Map<Integer, Double> flows = flow.getFlowMap();
        boolean[] chosen = new boolean[m];
        long total = 0;
        for (int i = 0; i < m; i++) {
            if (flows.get(i) > 0.5) {
                chosen[i] = true;
                total += p.weight()[i];
            }
        }
        // Reduced cost of an arc a -> b is cost + pi(b) - pi(a), non-negative on every residual arc at the optimum.
        // A missing edge v -> c of weight w keeps the flow optimal when C - w + pi(c) - pi(v) >= 0. A candidate not
        // in the problem may take pi(sink) (its arc to the sink is unused); one in it has its own pi(c). So every
        // candidate can be given at least the lowest of these, and w <= C + lowest - pi(v) is safe.
        Map<Integer, Double> pi = solver.getDualSolution();
        double lowest = pi.get(sink);
        for (int c = 0; c < nc; c++) {
            lowest = Math.min(lowest, pi.get(nv + c));
        }
        long[] tailBound = new long[nv];
        for (int v = 0; v < nv; v++) {
            tailBound[v] = (long) (cost + lowest - pi.get(v));
        }
        return new Solution(chosen, total, tailBound);
    }
}
