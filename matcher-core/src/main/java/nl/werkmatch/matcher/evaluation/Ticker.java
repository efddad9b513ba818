package nl.werkmatch.matcher.evaluation;

import java.util.Locale;
import java.util.function.Consumer;

/** Progress of a long loop as a line every few seconds ("evaluating ...: 120 of 300 queries"). */
final class Ticker {
    private static final long EVERY_NANOS = 3_000_000_000L;

    private final Consumer<String> sink;
    private final String what;
    private final int total;
    private long last = System.nanoTime();

    Ticker(Consumer<String> sink, String what, int total) {
        this.sink = sink;
        this.what = what;
        this.total = total;
    }

    void tick(int done) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            last = now;
            sink.accept(String.format(Locale.ROOT, "%s: %,d of %,d", what, done, total));
        }
    }
}
