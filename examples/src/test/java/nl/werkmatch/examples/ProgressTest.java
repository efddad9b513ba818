package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter text = new StringWriter();

    @Test
    void plainLinesEveryFewSecondsWithRateAndTimeLeft() {
        Progress p = new Progress(new PrintWriter(text), "importing", "docs", 1000, false, nanos::get);
        nanos.set(1_000_000_000L);
        p.update(100, 100);               // too soon: nothing
        assertThat(text.toString()).isEmpty();
        nanos.set(5_000_000_000L);
        p.update(500, 250);               // a quarter in five seconds: fifteen seconds to go
        assertThat(text.toString()).isEqualTo("importing: 500 docs (25%), 100/s, about 0:15 left\n");
        p.finish(2000);
        assertThat(text.toString()).endsWith("importing: 2,000 docs in 0:05 (400/s)\n");
    }

    @Test
    void aBarOnATerminalIsClearedBeforeOtherLines() {
        Progress p = new Progress(new PrintWriter(text), "importing", "docs", 1000, true, nanos::get);
        nanos.set(1_000_000_000L);
        p.update(10, 500);
        assertThat(text.toString()).startsWith("\rimporting [===============>              ]  50%");
        StringWriter out = new StringWriter();
        p.println(new PrintWriter(out), "line 3: id: missing");
        assertThat(text.toString()).endsWith("\r\u001b[K");
        assertThat(out.toString()).isEqualTo("line 3: id: missing\n");
    }

    @Test
    void clockFormats() {
        assertThat(Progress.clock(61_000_000_000L)).isEqualTo("1:01");
        assertThat(Progress.clock(3_661_000_000_000L)).isEqualTo("1:01:01");
    }
}
