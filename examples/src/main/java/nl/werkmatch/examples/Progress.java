package nl.werkmatch.examples;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long job over a known number of bytes (a file being read) or items: on a terminal a bar redrawn
 * in place, otherwise a plain line every few seconds so that logs stay readable. Rate and time left come from
 * what was done so far.
 */
final class Progress {
    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();
    private static final long LINE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final String verb;
    private final String unit;
    private final long total;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private long lastShown;
    private boolean barVisible;

    /**
     * @param verb what is being done ("importing")
     * @param unit what is counted ("docs")
     * @param total the size of the work in bytes or items (whatever {@link #update} reports as done), or -1
     */
    Progress(PrintWriter err, String verb, String unit, long total, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.verb = verb;
        this.unit = unit;
        this.total = total;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastShown = start;
    }

    static Progress of(PrintWriter err, String verb, String unit, long total) {
        return new Progress(err, verb, unit, total, Terminal.interactive(), System::nanoTime);
    }

    /** Reports {@code count} items done and {@code done} of the total; shows it when it is time to. */
    void update(long count, long done) {
        long now = clock.getAsLong();
        if (now - lastShown < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastShown = now;
        show(count, done, now);
    }

    /** Prints a line (a rejected record, say) without mixing it into the bar. */
    void println(PrintWriter out, String line) {
        clearBar();
        out.println(line);
        out.flush();
    }

    /** Ends the bar and prints a final line with the totals. */
    void finish(long count) {
        clearBar();
        long elapsed = clock.getAsLong() - start;
        err.printf(Locale.ROOT, "%s: %,d %s in %s (%s/s)%n", verb, count, unit, clock(elapsed), rate(count, elapsed));
        err.flush();
    }

    private void show(long count, long done, long now) {
        long elapsed = now - start;
        String left = timeLeft(done, elapsed);
        if (terminal) {
            double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            String bar = "=".repeat(filled) + (filled < BAR_WIDTH ? ">" + " ".repeat(BAR_WIDTH - filled - 1) : "");
            err.printf(Locale.ROOT, "\r%s [%s] %3d%%  %,d %s  %s/s  %s\u001b[K", verb, bar, Math.round(fraction * 100),
                    count, unit, rate(count, elapsed), left);
            barVisible = true;
        } else {
            String percent = total > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * Math.min(done, total) / total)) : "";
            err.printf(Locale.ROOT, "%s: %,d %s%s, %s/s, %s%n", verb, count, unit, percent, rate(count, elapsed), left);
        }
        err.flush();
    }

    private void clearBar() {
        if (barVisible) {
            err.print("\r\u001b[K");
            err.flush();
            barVisible = false;
        }
    }

    private String timeLeft(long done, long elapsedNanos) {
        if (total <= 0 || done <= 0 || elapsedNanos <= 0) {
            return "time left unknown";
        }
        double nanosLeft = (double) elapsedNanos * (total - Math.min(done, total)) / done;
        return "about " + clock((long) nanosLeft) + " left";
    }

    private static String rate(long count, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        return seconds <= 0 ? "-" : String.format(Locale.ROOT, "%,d", Math.round(count / seconds));
    }

    /** h:mm:ss or m:ss. */
    static String clock(long nanos) {
        long s = Math.max(0, Math.round(nanos / 1e9));
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
