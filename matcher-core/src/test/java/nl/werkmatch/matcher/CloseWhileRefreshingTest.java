package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * Closing a matcher while its background refresh runs waits for the refresh: before, the refresh could meet a
 * writer that close had just shut and log "background refresh failed" for a close that lost nothing.
 */
class CloseWhileRefreshingTest {
    @Test
    void closingDuringBackgroundRefreshesLogsNoWarning() throws Exception {
        Logger logger = Logger.getLogger("nl.werkmatch.matcher");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            SyntheticWorld world = SyntheticWorld.builder(TaxonomyJson.sample(), Regions.netherlands())
                    .seed(3).today(LocalDate.of(2026, 12, 1)).build();
            for (int round = 0; round < 40; round++) {
                Matcher matcher = Matcher.builder().refreshInterval(Duration.ofMillis(10)).build();
                for (int i = 0; i < 30; i++) {
                    matcher.upsertProfile(world.profile(round * 30 + i));
                    matcher.profileCount();   // a read, so that the next tick refreshes
                }
                Thread.sleep(round % 12);
                matcher.close();
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }
}
