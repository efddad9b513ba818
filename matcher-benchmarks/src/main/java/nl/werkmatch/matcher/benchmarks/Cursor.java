package nl.werkmatch.matcher.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Which of the fixed queries a benchmark thread asks next: each in turn, round and round. */
@State(Scope.Thread)
public class Cursor {
    private int next;

    int next(int n) {
        int i = next;
        next = (next + 1) % n;
        return i;
    }
}
