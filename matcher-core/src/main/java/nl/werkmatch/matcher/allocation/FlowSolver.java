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
 * at the sink, and moves a vacancy's remaining places to "empty" in one step. JGraphT stays in the tests as a
 * reference.
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
     * @param chosen which pairs are in the optimum
     * @param total the optimum's total weight
     * @param slotValue per vacancy, the dual price of one of its places (0 when it has empty places): a pair not in
     *        the problem can improve the optimum only when its weight exceeds this
     * @param dualTotal the dual objective, equal to {@code total} (a certificate that the solution is optimal)
     */
    record Solution(boolean[] chosen, long total, long[] slotValue, long dualTotal) {
    }

    private FlowSolver() {
    }

    static long scale(double score) {
        return Math.round(score * SCALE);
    }

    static Solution solve(Problem p) {
        return new Network(p).run();
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
        // Dijkstra state, reset lazily by stamp
        final long[] dist;
        final int[] stamp;
        final int[] via;
        final boolean[] settled;
        final int[] settledList;
        int round;
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
            potential = new long[n];
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

        Solution run() {
            for (int v = 0; v < nv; v++) {
                int left = p.places()[v];
                while (left > 0) {
                    left -= augmentFrom(v, left);
                }
            }
            int m = p.edges();
            boolean[] chosen = new boolean[m];
            long total = 0;
            for (int i = 0; i < m; i++) {
                if (residual[2 * i] == 0) {
                    chosen[i] = true;
                    total += p.weight()[i];
                }
            }
            // Dual of the linear program max sum w x, sum_c x_vc <= places_v, sum_v x_vc <= maxPerCandidate,
            // 0 <= x <= 1: alpha_v = max(0, C + pi(v) - pi(sink)), beta_c = max(0, pi(sink) - pi(c)),
            // gamma_vc = max(0, w - C - pi(v) + pi(c)). Feasible by construction; equal to the primal at the optimum.
            long[] alpha = new long[nv];
            long dual = 0;
            for (int v = 0; v < nv; v++) {
                alpha[v] = Math.max(0, MAX_WEIGHT + potential[v] - potential[sink]);
                dual += p.places()[v] * alpha[v];
            }
            for (int c = 0; c < nc; c++) {
                dual += (long) p.maxPerCandidate() * Math.max(0, potential[sink] - potential[nv + c]);
            }
            for (int i = 0; i < m; i++) {
                dual += Math.max(0, p.weight()[i] - MAX_WEIGHT - potential[p.vacancy()[i]]
                        + potential[nv + p.candidate()[i]]);
            }
            return new Solution(chosen, total, alpha, dual);
        }

        /**
         * Sends flow from vacancy {@code source} to the sink along a shortest path of reduced costs
         * ({@code cost + pi(tail) - pi(head)}, non-negative on every residual arc), as much as the path and
         * {@code supply} allow; updates the potentials so that reduced costs stay non-negative. Returns the amount.
         */
        private int augmentFrom(int source, int supply) {
            round++;
            int settledCount = 0;
            heap.clear();
            reach(source, 0, -1);
            long found = -1;
            while (!heap.isEmpty()) {
                int u = heap.pop();
                if (settled[u] && stamp[u] == round) {
                    continue;
                }
                long du = dist[u];
                if (u == sink) {
                    found = du;
                    break;
                }
                settled[u] = true;
                settledList[settledCount++] = u;
                long pu = potential[u];
                for (int k = first[u]; k < first[u + 1]; k++) {
                    int a = order[k];
                    if (residual[a] == 0) {
                        continue;
                    }
                    int h = head[a];
                    long nd = du + cost[a] + pu - potential[h];
                    if (stamp[h] != round || (!settled[h] && nd < dist[h])) {
                        reach(h, nd, a);
                    }
                }
            }
            if (found < 0) {
                throw new IllegalStateException("no path to the sink: the network is broken");
            }
            int amount = supply;
            for (int x = sink; x != source; x = head[via[x] ^ 1]) {
                amount = Math.min(amount, residual[via[x]]);
            }
            for (int x = sink; x != source; x = head[via[x] ^ 1]) {
                residual[via[x]] -= amount;
                residual[via[x] ^ 1] += amount;
            }
            // pi(u) += d(u) - D for settled nodes keeps every reduced cost non-negative; others are unchanged.
            for (int i = 0; i < settledCount; i++) {
                int u = settledList[i];
                potential[u] += dist[u] - found;
                settled[u] = false;
            }
            return amount;
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
