package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/**
 * Bulk uploads with bounded memory: a server in a child JVM with a small heap takes two concurrent bulks of
 * many tiny invalid lines and one large bulk of valid profiles at the same time, answers all three, stays healthy
 * throughout, and its heap after each collection stays bounded (read from the child's GC log).
 *
 * <p>The sizes in {@code mvn verify} are scaled down to keep the build short; the full size (512 MiB heap,
 * 2 x 3 million bad lines, 1 GiB of valid profiles) runs with
 * {@code -Dwerkmatch.bulkTest.heapMb=512 -Dwerkmatch.bulkTest.badLines=3000000 -Dwerkmatch.bulkTest.validMb=1024}.
 */
class BulkMemoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GC_LINE = Pattern.compile("Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private static final int HEAP_MB = Integer.getInteger("werkmatch.bulkTest.heapMb", 160);
    private static final long BAD_LINES = Long.getLong("werkmatch.bulkTest.badLines", 400_000);
    private static final long VALID_MB = Long.getLong("werkmatch.bulkTest.validMb", 24);

    @Test
    void twoBadBulksAndALargeValidOneInASmallHeap(@TempDir Path tmp) throws Exception {
        Path gcLog = tmp.resolve("gc.log");
        SyntheticWorld world;
        ExchangeFormat format;
        try (nl.werkmatch.matcher.Matcher local = nl.werkmatch.matcher.Matcher.inMemory()) {
            world = SyntheticWorld.builder(local.taxonomy(), local.regions()).seed(21).today(LocalDate.now()).build();
            format = local.exchangeFormat();
        }
        // A pool of varied profiles, reused with fresh ids, so that the client does not become the bottleneck.
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            pool.add(format.writeProfile(world.profile(i)));
        }
        long validBytes = VALID_MB << 20;

        try (ServerProcess server = ServerProcess.start(List.of("-Xmx" + HEAP_MB + "m", "-Xlog:gc:file=" + gcLog),
                tmp.resolve("stderr.txt"), "--data", tmp.resolve("data").toString())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> bad1 = post(http, server, new Lines(BAD_LINES, Long.MAX_VALUE,
                    n -> "{\"id\":\"x" + n + "\"}\n"));
            CompletableFuture<HttpResponse<String>> bad2 = post(http, server, new Lines(BAD_LINES, Long.MAX_VALUE,
                    n -> "{\"id\":\"y" + n + "\"}\n"));
            Lines valid = new Lines(Long.MAX_VALUE, validBytes,
                    n -> pool.get((int) (n % pool.size())).replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"v-" + n + "\"") + "\n");
            CompletableFuture<HttpResponse<String>> good = post(http, server, valid);

            // The server stays healthy while it works.
            AtomicInteger healthChecks = new AtomicInteger();
            AtomicBoolean healthy = new AtomicBoolean(true);
            while (!(bad1.isDone() && bad2.isDone() && good.isDone())) {
                HttpResponse<String> h = http.send(HttpRequest.newBuilder(server.uri.resolve("health"))
                        .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
                healthChecks.incrementAndGet();
                healthy.compareAndSet(true, h.statusCode() == 200);
                Thread.sleep(500);
                assertThat(System.nanoTime() - start).as("the bulks finish in time").isLessThan(TimeUnit.MINUTES.toNanos(20));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (CompletableFuture<HttpResponse<String>> bad : List.of(bad1, bad2)) {
                HttpResponse<String> r = bad.get();
                assertThat(r.statusCode()).as(r.body().substring(0, Math.min(500, r.body().length()))).isEqualTo(200);
                JsonNode summary = JSON.readTree(r.body());
                assertThat(summary.path("read").asLong()).isEqualTo(BAD_LINES);
                assertThat(summary.path("imported").asLong()).isZero();
                assertThat(summary.path("rejectedCount").asLong()).isEqualTo(BAD_LINES);
                assertThat(summary.path("rejected").size()).isEqualTo(1_000);
            }
            HttpResponse<String> r = good.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode summary = JSON.readTree(r.body());
            assertThat(summary.path("rejectedCount").asLong()).as(r.body()).isZero();
            assertThat(summary.path("imported").asLong()).isEqualTo(valid.lines());
            assertThat(healthy.get()).as("every health check answered 200").isTrue();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri.resolve("health")).build(), BodyHandlers.ofString());
            assertThat(JSON.readTree(health.body()).path("profiles").asLong()).isEqualTo(valid.lines());

            String stderr = Files.readString(server.stderr);
            assertThat(stderr).doesNotContain("OutOfMemoryError");
            long maxAfter = 0;
            long maxBefore = 0;
            int collections = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    collections++;
                    maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
                    maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                }
            }
            System.out.printf(Locale.ROOT, "bulk memory: -Xmx%dm, 2 x %,d bad lines + %,d valid profiles (%,d MiB) in %.1f s; "
                    + "%d collections, heap after collection at most %d MiB, before at most %d MiB; %d health checks%n",
                    HEAP_MB, BAD_LINES, valid.lines(), valid.bytes() >> 20, seconds, collections, maxAfter, maxBefore,
                    healthChecks.get());
            assertThat(collections).as("the GC log was read").isPositive();
            assertThat(maxAfter).as("live heap stays well under the limit").isLessThan(HEAP_MB * 3L / 4);
        }
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient http, ServerProcess server, Lines body) {
        return http.sendAsync(HttpRequest.newBuilder(server.uri.resolve("profiles"))
                .timeout(Duration.ofMinutes(20))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), BodyHandlers.ofString());
    }

    /** JSON Lines made on the fly: up to {@code maxLines} lines or {@code maxBytes} bytes, whichever comes first. */
    static final class Lines extends InputStream {
        private final long maxLines;
        private final long maxBytes;
        private final LongFunction<String> line;
        private byte[] current = new byte[0];
        private int at;
        private long lines;
        private long bytes;

        Lines(long maxLines, long maxBytes, LongFunction<String> line) {
            this.maxLines = maxLines;
            this.maxBytes = maxBytes;
            this.line = line;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int written = 0;
            while (written < len) {
                if (at == current.length) {
                    if (lines == maxLines || bytes >= maxBytes) {
                        break;
                    }
                    current = line.apply(lines).getBytes(StandardCharsets.UTF_8);
                    at = 0;
                    lines++;
                    bytes += current.length;
                }
                int n = Math.min(len - written, current.length - at);
                System.arraycopy(current, at, b, off + written, n);
                at += n;
                written += n;
            }
            return written == 0 && len > 0 ? -1 : written;
        }

        /** Lines produced (all of them once the stream has ended). */
        synchronized long lines() {
            return lines;
        }

        long bytes() {
            return bytes;
        }

        @Override
        public void close() throws IOException {
            // nothing to release
        }
    }
}
