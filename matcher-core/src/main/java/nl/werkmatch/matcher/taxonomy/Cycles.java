package nl.werkmatch.matcher.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds cycles in a directed graph given as adjacency lists over nodes {@code 0..n-1}. */
final class Cycles {
    private Cycles() {
    }

    /**
     * Returns cycles as node lists {@code [a, b, c]} meaning a→b→c→a, each rotated to start at its smallest node,
     * without repeats. Every strongly connected component that has a cycle contributes at least one; not every
     * elementary cycle is listed, which is enough to tell a person where to look. Iterative, so deep hierarchies
     * cannot overflow the stack.
     */
    static List<int[]> find(int[][] edges) {
        int n = edges.length;
        byte[] state = new byte[n];           // 0 unvisited, 1 on the DFS stack, 2 finished
        int[] stack = new int[n];
        int[] nextEdge = new int[n];
        int[] depth = new int[n];
        List<int[]> cycles = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int sp = 0;
            stack[0] = root;
            nextEdge[0] = 0;
            state[root] = 1;
            depth[root] = 0;
            while (sp >= 0) {
                int u = stack[sp];
                if (nextEdge[sp] < edges[u].length) {
                    int v = edges[u][nextEdge[sp]++];
                    if (state[v] == 0) {
                        sp++;
                        stack[sp] = v;
                        nextEdge[sp] = 0;
                        state[v] = 1;
                        depth[v] = sp;
                    } else if (state[v] == 1) {
                        int[] cycle = rotate(Arrays.copyOfRange(stack, depth[v], sp + 1));
                        if (seen.add(Arrays.stream(cycle).boxed().toList())) {
                            cycles.add(cycle);
                        }
                    }
                } else {
                    state[u] = 2;
                    sp--;
                }
            }
        }
        return cycles;
    }

    private static int[] rotate(int[] cycle) {
        int min = 0;
        for (int i = 1; i < cycle.length; i++) {
            if (cycle[i] < cycle[min]) {
                min = i;
            }
        }
        int[] out = new int[cycle.length];
        for (int i = 0; i < cycle.length; i++) {
            out[i] = cycle[(min + i) % cycle.length];
        }
        return out;
    }
}
