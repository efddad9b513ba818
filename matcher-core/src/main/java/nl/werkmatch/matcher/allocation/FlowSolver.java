package nl.werkmatch.matcher.allocation;

import java.util.Arrays;

/**
 * The capacitated assignment as a minimum-cost flow, solved exactly by successive shortest paths (Dijkstra on
 * reduced costs with node potentials) over flat arrays.
 *
 * <p>Maximise the sum of the chosen pairs' weights such that vacancy v gets at most {@code places[v]} candidates,
 * each candidate is on at most {@code maxPerCandidate} lists and each pair is chosen at most once. Network: each
 * vacancy supplies its places; an arc vacancy -> candidate (capacity 1, cost {@code C - w}); candidate -> sink
 * (capacity maxPerCandidate, cost 0); vacancy -> sink (capacity its places, cost {@code C}: a place left empty).
 * Every unit of flow costs C less the weight it collects, so the minimum cost is the maximum weight. All costs are
 * non-negative, so zero potentials start the algorithm, and a place is never filled at a loss.
 *
 * <p>Why not a library: JGraphT's capacity-scaling solver (tried first) took 16.6 s for 1,000 vacancies and
 * 164,000 pairs and minutes for 5,000 vacancies (its scaling phases saturate every pair arc and then undo most of
 * it, one pairing-heap Dijkstra per unit); this one runs the same algorithm family on int arrays, stops each search
 * at the sink, does not push nodes farther than a path to the sink already found, keeps per candidate the few pairs
 * that carry flow to it (a strong candidate is on thousands of fetched lists, and scanning them all each time a
 * search reaches it cost two thirds of the arc scans), and moves a vacancy's remaining places to "empty" in one
 * step. JGraphT stays in the tests as a reference.
 *
 * <p>Weights are integers (scores scaled by {@link #SCALE}), so the arithmetic is exact.
 */
final class FlowSolver {
    /** Score units per weight unit: scores are rounded to 1e-8. */
    static final double SCALE = 1e8;
    /** The largest weight a pair may have: score 1 plus a bonus of at most 1. */
    static final long MAX_WEIGHT = 2 * (long) SCALE;

    /** Pairs of a problem; pair i joins vacancy {@code vacancy[i]} and candidate {@code candidate[i]}. */
    record Problem(int[] places, int candidates, int maxPerCandidate, int[] vacancy, int[] candidate, long[] weight) {
        Problem {
            if (vacancy.length != candidate.length || vacancy.length != weight.length) {
                throw new IllegalArgumentException("pair arrays differ in length");
            }
            for (long w : weight) {
                if (w < 0 || w > MAX_WEIGHT) {
                    throw new IllegalArgumentException("pair weight out of range: " + w);
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
     * An optimum, with its dual.
     *
     * @param chosen which pairs are in the optimum
     * @param total the optimum's total weight
     * @param slotValue per vacancy, the dual price of one of its places (0 when it has empty places): a pair not in
     *        the problem can improve the optimum only when its weight exceeds this plus its candidate's price
     * @param candidatePrice per candidate, the dual price of one of its lists (0 when it is on fewer than the most)
     * @param dualTotal the dual objective, equal to {@code total} (a certificate that the solution is optimal)
     */
    record Solution(boolean[] chosen, long total, long[] slotValue, long[] candidatePrice, long dualTotal) {
    }

    private FlowSolver() {
    }

    static long scale(double score) {
        return Math.round(score * SCALE);
    }

    /** The optimum over every pair of the problem. */
    static Solution solve(Problem p) {
        return new Network(p).solve();
    }

    /** The residual network in compressed rows: arc a goes from {@code tail[a]} to {@code head[a]}; a ^ 1 is its twin. */
    private static final class Network {
        final Problem p;
        final int nv;
        final int nc;
        final int sink;
        final int n;
        final int[] head;
        final int[] residual;
        final long[] cost;
        final int[] first; // arcs of node u are order[first[u] .. first[u + 1])
        final int[] order;
        final long[] potential;
        /** Supply not yet sent (positive) or demand not yet met (negative), per node. */
        final long[] excess;
        /**
         * Per candidate, the pairs that carry flow to it: the only reverse arcs out of a candidate with residual
         * capacity. A strong candidate is on thousands of fetched lists, so scanning its arcs by row would cost
         * thousands of steps each time a search reaches it; these lists hold at most a few.
         */
        final int[][] held;
        final int[] heldCount;
        /** The arc candidate -> sink of each candidate. */
        final int sinkArcBase;
        // Dijkstra state, reset lazily by stamp
        final long[] dist;
        final int[] stamp;
        final int[] via;
        final boolean[] settled;
        final int[] settledList;
        int round;
        /** The length of the shortest path to a deficit found so far in this search. */
        long bound;
        final Heap heap;

        Network(Problem p) {
            this.p = p;
            nv = p.vacancies();
            nc = p.candidates();
            sink = nv + nc;
            n = sink + 1;
            int m = p.edges();
            int arcs = 2 * (m + nv + nc);
            head = new int[arcs];
            residual = new int[arcs];
            cost = new long[arcs];
            int[] tail = new int[arcs];
            int a = 0;
            for (int i = 0; i < m; i++) {
                a = add(tail, a, p.vacancy()[i], nv + p.candidate()[i], 1, MAX_WEIGHT - p.weight()[i]);
            }
            for (int v = 0; v < nv; v++) {
                a = add(tail, a, v, sink, p.places()[v], MAX_WEIGHT);
            }
            for (int c = 0; c < nc; c++) {
                a = add(tail, a, nv + c, sink, p.maxPerCandidate(), 0);
            }
            first = new int[n + 1];
            for (int x : tail) {
                first[x + 1]++;
            }
            for (int u = 0; u < n; u++) {
                first[u + 1] += first[u];
            }
            order = new int[arcs];
            int[] fill = Arrays.copyOf(first, n);
            // Arcs keep their insertion order within a node (pairs in rank order), so ties resolve the same way
            // for the same input.
            for (int x = 0; x < arcs; x++) {
                order[fill[tail[x]]++] = x;
            }
            sinkArcBase = 2 * (m + nv);
            held = new int[nc][];
            heldCount = new int[nc];
            potential = new long[n];
            excess = new long[n];
            long supply = 0;
            for (int v = 0; v < nv; v++) {
                excess[v] = p.places()[v];
                supply += p.places()[v];
            }
            excess[sink] = -supply;
            dist = new long[n];
            stamp = new int[n];
            via = new int[n];
            settled = new boolean[n];
            settledList = new int[n];
            heap = new Heap(n);
        }

        private int add(int[] tail, int a, int from, int to, int capacity, long c) {
            tail[a] = from;
            head[a] = to;
            residual[a] = capacity;
            cost[a] = c;
            tail[a + 1] = to;
            head[a + 1] = from;
            residual[a + 1] = 0;
            cost[a + 1] = -c;
            return a + 2;
        }

        /** Sends every excess to a deficit (the sink) along shortest paths; returns the optimum. */
        Solution solve() {
            for (int u = 0; u < n; u++) {
                while (excess[u] > 0) {
                    excess[u] -= augmentFrom(u, excess[u]);
                }
            }
            int m = p.edges();
            boolean[] chosen = new boolean[m];
            long total = 0;
            for (int i = 0; i < m; i++) {
                if (residual[2 * i + 1] == 1) {
                    chosen[i] = true;
                    total += p.weight()[i];
                }
            }
            // Dual of the linear program max sum w x, sum_c x_vc <= places_v, sum_v x_vc <= maxPerCandidate,
            // 0 <= x <= 1: alpha_v = max(0, C + pi(v) - pi(sink)),
            // beta_c = max(0, pi(sink) - pi(c)), gamma_vc = max(0, w - alpha_v - beta_c). Feasible by construction;
            // equal to the primal at the optimum.
            long[] alpha = new long[nv];
            long[] beta = new long[nc];
            long dual = 0;
            for (int v = 0; v < nv; v++) {
                alpha[v] = Math.max(0, MAX_WEIGHT + potential[v] - potential[sink]);
                dual += p.places()[v] * alpha[v];
            }
            for (int c = 0; c < nc; c++) {
                beta[c] = Math.max(0, potential[sink] - potential[nv + c]);
                dual += (long) p.maxPerCandidate() * beta[c];
            }
            for (int i = 0; i < m; i++) {
                dual += Math.max(0, p.weight()[i] - alpha[p.vacancy()[i]] - beta[p.candidate()[i]]);
            }
            return new Solution(chosen, total, alpha, beta, dual);
        }

        /**
         * Sends flow from {@code source} to the nearest node with a deficit along a shortest path of reduced costs
         * ({@code cost + pi(tail) - pi(head)}, non-negative on every residual arc), as much as the path, the deficit
         * and {@code supply} allow; updates the potentials so that reduced costs stay non-negative. Returns the
         * amount.
         */
        private int augmentFrom(int source, long supply) {
            round++;
            int settledCount = 0;
            heap.clear();
            bound = Long.MAX_VALUE;
            reach(source, 0, -1);
            long found = -1;
            int target = -1;
            while (!heap.isEmpty()) {
                int u = heap.pop();
                if (settled[u] && stamp[u] == round) {
                    continue;
                }
                long du = dist[u];
                if (excess[u] < 0) {
                    found = du;
                    target = u;
                    break;
                }
                settled[u] = true;
                settledList[settledCount++] = u;
                if (u >= nv && u < sink) {
                    int c = u - nv;
                    relax(u, du, sinkArcBase + 2 * c);
                    int[] mine = held[c];
                    for (int i = 0; i < heldCount[c]; i++) {
                        relax(u, du, 2 * mine[i] + 1);
                    }
                } else {
                    for (int k = first[u]; k < first[u + 1]; k++) {
                        relax(u, du, order[k]);
                    }
                }
            }
            if (found < 0) {
                throw new IllegalStateException("no path to a deficit: the network is broken");
            }
            long amount = Math.min(supply, -excess[target]);
            for (int x = target; x != source; x = head[via[x] ^ 1]) {
                amount = Math.min(amount, residual[via[x]]);
            }
            for (int x = target; x != source; x = head[via[x] ^ 1]) {
                int a = via[x];
                residual[a] -= (int) amount;
                residual[a ^ 1] += (int) amount;
                if (a < sinkArcBase - 2 * nv) { // a pair arc: capacity 1, so amount is 1
                    if ((a & 1) == 0) {
                        hold(p.candidate()[a >> 1], a >> 1);
                    } else {
                        release(p.candidate()[a >> 1], a >> 1);
                    }
                }
            }
            excess[target] += amount;
            // pi(u) += d(u) - D for settled nodes keeps every reduced cost non-negative; others are unchanged.
            for (int i = 0; i < settledCount; i++) {
                int u = settledList[i];
                potential[u] += dist[u] - found;
                settled[u] = false;
            }
            return (int) amount;
        }

        /**
         * Relaxes arc a out of the settled node u. A node farther than {@link #bound} (a length some path to a
         * deficit is known to have) cannot lie on a shortest path, so it is not pushed: most of a late search's
         * reached candidates are such.
         */
        private void relax(int u, long du, int a) {
            if (residual[a] == 0) {
                return;
            }
            int h = head[a];
            long nd = du + cost[a] + potential[u] - potential[h];
            if (nd > bound) {
                return;
            }
            if (stamp[h] != round || (!settled[h] && nd < dist[h])) {
                reach(h, nd, a);
                if (excess[h] < 0) {
                    bound = nd;
                } else if (h >= nv && h < sink && residual[sinkArcBase + 2 * (h - nv)] > 0
                        && excess[sink] < 0) {
                    // a candidate with room: the sink is at most one free arc further
                    bound = Math.min(bound, nd + potential[h] - potential[sink]);
                }
            }
        }

        /** Notes that the pair carries flow to candidate c. */
        private void hold(int c, int pair) {
            int[] mine = held[c];
            if (mine == null) {
                mine = held[c] = new int[Math.max(2, p.maxPerCandidate())];
            } else if (heldCount[c] == mine.length) {
                mine = held[c] = Arrays.copyOf(mine, 2 * mine.length);
            }
            mine[heldCount[c]++] = pair;
        }

        /** Notes that the pair no longer carries flow to candidate c. */
        private void release(int c, int pair) {
            int[] mine = held[c];
            for (int i = 0; i < heldCount[c]; i++) {
                if (mine[i] == pair) {
                    mine[i] = mine[--heldCount[c]];
                    return;
                }
            }
            throw new IllegalStateException("pair " + pair + " carries no flow");
        }

        private void reach(int node, long d, int arc) {
            if (stamp[node] != round) {
                stamp[node] = round;
                settled[node] = false;
            }
            dist[node] = d;
            via[node] = arc;
            heap.push(node, d);
        }
    }

    /** A binary heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
    private static final class Heap {
        long[] keys;
        int[] nodes;
        int size;

        Heap(int capacity) {
            keys = new long[Math.max(16, capacity)];
            nodes = new int[keys.length];
        }

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int node, long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            // ties by node number keep the search order fixed
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] < key || (keys[parent] == key && nodes[parent] <= node)) {
                    break;
                }
                keys[i] = keys[parent];
                nodes[i] = nodes[parent];
                i = parent;
            }
            keys[i] = key;
            nodes[i] = node;
        }

        int pop() {
            int top = nodes[0];
            size--;
            if (size > 0) {
                long key = keys[size];
                int node = nodes[size];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && less(child + 1, child)) {
                        child++;
                    }
                    if (keys[child] > key || (keys[child] == key && nodes[child] >= node)) {
                        break;
                    }
                    keys[i] = keys[child];
                    nodes[i] = nodes[child];
                    i = child;
                }
                keys[i] = key;
                nodes[i] = node;
            }
            return top;
        }

        private boolean less(int a, int b) {
            return keys[a] < keys[b] || (keys[a] == keys[b] && nodes[a] < nodes[b]);
        }
    }
}
