package nl.werkmatch.examples.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/**
 * A load test of the HTTP API on the loopback interface: query threads asking for the candidates of a vacancy
 * and the vacancies of a profile, plus one writer replacing profiles, for a fixed time. Prints throughput and
 * latency percentiles per kind of request. Run by hand (not a unit test), so that the numbers before and after a
 * change of the server come from the same code:
 *
 * <pre>
 * java -cp ... nl.werkmatch.examples.http.LoadGenerator [seconds=20] [queryThreads=4] [profiles=20000] [vacancies=5000]
 * </pre>
 *
 * <p>Bounded in time and in count (each thread stops at the deadline or after a million requests), and only
 * ever talks to the server it started itself on the loopback address. With {@code WERKMATCH_LOAD_TOKEN} set it
 * sends that bearer token (for a server started with keys).
 */
public final class LoadGenerator {
    private static final int MAX_REQUESTS_PER_THREAD = 1_000_000;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int queryThreads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int profiles = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int vacancies = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        try (Matcher matcher = Matcher.inMemory()) {
            SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions())
                    .seed(11).today(LocalDate.now()).build();
            matcher.upsertProfiles(world.profiles(profiles).toList());
            matcher.upsertVacancies(world.vacancies(vacancies).toList());
            matcher.refresh();
            try (ApiServer server = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                Report report = run(server.uri(), world, matcher.exchangeFormat(), seconds, queryThreads, profiles, vacancies);
                System.out.println(report);
            }
        }
    }

    /** Latencies per kind of request, and how many failed. */
    record Report(int seconds, int queryThreads, List<String> lines) {
        @Override
        public String toString() {
            return "load: " + seconds + " s, " + queryThreads + " query threads + 1 writer\n" + String.join("\n", lines);
        }
    }

    static Report run(URI base, SyntheticWorld world, ExchangeFormat format, int seconds, int queryThreads,
            int profiles, int vacancies) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = System.getenv("WERKMATCH_LOAD_TOKEN");
        // Warm up the server's code paths before measuring, so the first seconds do not count JIT compilation.
        long warmUntil = System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds)).toNanos();
        drive(http, base, token, world, format, queryThreads, profiles, vacancies, warmUntil, new ConcurrentHashMap<>());
        ConcurrentHashMap<String, Series> series = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long until = start + Duration.ofSeconds(seconds).toNanos();
        drive(http, base, token, world, format, queryThreads, profiles, vacancies, until, series);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<String> lines = new ArrayList<>();
        series.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> lines.add(
                e.getValue().describe(e.getKey(), elapsed)));
        return new Report(seconds, queryThreads, lines);
    }

    private static void drive(HttpClient http, URI base, String token, SyntheticWorld world, ExchangeFormat format,
            int queryThreads, int profiles, int vacancies, long until, ConcurrentHashMap<String, Series> series)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < queryThreads; t++) {
            final int seed = t;
            threads.add(Thread.ofPlatform().start(() -> {
                java.util.Random random = new java.util.Random(seed);
                for (int i = 0; i < MAX_REQUESTS_PER_THREAD && System.nanoTime() < until; i++) {
                    boolean candidates = (i + seed) % 2 == 0;
                    String path = candidates
                            ? "vacancies/v-" + random.nextInt(vacancies) + "/candidates?k=10&withinKm=30"
                            : "profiles/p-" + random.nextInt(profiles) + "/vacancies?k=10";
                    time(http, request(base.resolve(path), token).GET().build(),
                            series.computeIfAbsent(candidates ? "GET candidates" : "GET vacancies", k -> new Series()));
                }
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            java.util.Random random = new java.util.Random(99);
            for (int i = 0; i < MAX_REQUESTS_PER_THREAD && System.nanoTime() < until; i++) {
                int n = random.nextInt(profiles);
                String body = format.writeProfile(world.profile(n + (long) profiles * (1 + i % 3)).toBuilder().id("p-" + n).build());
                time(http, request(base.resolve("profiles/p-" + n), token).header("Content-Type", "application/json")
                        .PUT(BodyPublishers.ofString(body)).build(),
                        series.computeIfAbsent("PUT profile", k -> new Series()));
            }
        }));
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static void time(HttpClient http, HttpRequest request, Series series) {
        long t0 = System.nanoTime();
        int status;
        try {
            status = http.send(request, BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        series.add(System.nanoTime() - t0, status >= 200 && status < 300);
    }

    /** Latencies of one kind of request (bounded: at most a million per thread and kind). */
    static final class Series {
        private long[] nanos = new long[1024];
        private int n;
        private final AtomicLong failed = new AtomicLong();

        synchronized void add(long latency, boolean ok) {
            if (!ok) {
                failed.incrementAndGet();
            }
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = latency;
        }

        synchronized String describe(String name, double seconds) {
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return String.format(java.util.Locale.ROOT, "%-16s %7d requests %8.1f/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  failed %d",
                    name, n, n / seconds, pct(sorted, 0.50), pct(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6, failed.get());
        }

        private static double pct(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
        }
    }
}
