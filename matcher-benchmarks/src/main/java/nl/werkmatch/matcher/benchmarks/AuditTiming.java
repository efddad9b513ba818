package nl.werkmatch.matcher.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.NeverRecommendedReason;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Times the inclusion audit on a benchmark world (on-disk index, cached like the JMH benchmarks), step by step,
 * against a baseline measured in the same run: the same candidates query for the first open vacancies on one
 * thread, so that a noisy shared machine can be read as a ratio.
 *
 * <pre>java -Dwerkmatch.bench.cache=bench/cache -cp benchmarks.jar nl.werkmatch.matcher.benchmarks.AuditTiming
 *     [profiles=100000] [vacancies=20000] [taxonomy=sample] [k=20] [threads=cores] [eligibleCounts=true]
 *     [advice=100]</pre>
 */
public final class AuditTiming {
    private static final int BASELINE_QUERIES = 2_000;

    private AuditTiming() {
    }

    public static void main(String[] args) {
        int profiles = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int vacancies = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 20_000;
        String taxonomy = args.length > 2 ? args[2] : "sample";
        int k = args.length > 3 ? Integer.parseInt(args[3]) : AuditRequest.DEFAULT_K;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        boolean counts = args.length <= 5 || Boolean.parseBoolean(args[5]);
        int advice = args.length > 6 ? Integer.parseInt(args[6]) : AuditRequest.DEFAULT_ADVICE;
        BenchWorld world = BenchWorld.of(taxonomy, profiles, vacancies);
        Matcher matcher = world.matcher();

        List<String> open = new ArrayList<>();
        matcher.forEachVacancy((Vacancy v) -> {
            if (v.isOpenOn(BenchWorld.TODAY) && open.size() < BASELINE_QUERIES) {
                open.add(v.id());
            }
        });
        MatchRequest list = MatchRequest.builder().k(k).openOn(BenchWorld.TODAY).build();
        for (int i = 0; i < Math.min(200, open.size()); i++) {
            matcher.candidatesFor(open.get(i), list); // warm up
        }
        long t0 = System.nanoTime();
        for (String id : open) {
            matcher.candidatesFor(id, list);
        }
        double baselineMs = (System.nanoTime() - t0) / 1e6 / Math.max(1, open.size());
        BenchWorld.log(String.format(Locale.ROOT, "baseline: %d candidates queries (k %d) on one thread, %.3f ms each",
                open.size(), k, baselineMs));

        Map<String, long[]> steps = new LinkedHashMap<>(); // step -> {start, end, items}
        long start = System.nanoTime();
        AuditReport report = matcher.audit(AuditRequest.builder().day(BenchWorld.TODAY).k(k).threads(threads)
                .eligibleCounts(counts).advice(advice).progress((step, done, total) -> {
                    long now = System.nanoTime();
                    long[] s = steps.computeIfAbsent(step, x -> new long[] {now, now, 0});
                    s[1] = now;
                    long tenths = total == 0 ? 10 : done * 10 / total;
                    if (tenths > s[2] * 10 / Math.max(1, total) || done == 0 || done == total) {
                        double secs = Math.max(1e-3, (now - s[0]) / 1e9);
                        BenchWorld.log(String.format(Locale.ROOT, "  %s: %,d / %,d (%,.0f/s)", step, done, total, done / secs));
                    }
                    s[2] = done;
                }).build());
        double total = (System.nanoTime() - start) / 1e9;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "audit of %,d profiles and %,d vacancies (%s taxonomy, k %d, %d threads, eligible counts %s, advice %d): %.1f s%n",
                profiles, vacancies, taxonomy, k, threads, counts ? "on" : "off", advice, total));
        steps.forEach((step, s) -> out.append(String.format(Locale.ROOT, "  %-40s %,9d items %8.1f s  %7.3f ms per item%n",
                step, s[2], (s[1] - s[0]) / 1e9, s[2] == 0 ? 0 : (s[1] - s[0]) / 1e6 / s[2])));
        out.append(String.format(Locale.ROOT, "  open vacancies %,d, recommended %,d, never recommended %,d, unfilled vacancies %,d, gini %.3f%n",
                report.vacancies(), report.recommended(), report.neverRecommended().size(), report.unfilledVacancies().size(),
                report.congestion().gini()));
        for (NeverRecommendedReason r : NeverRecommendedReason.values()) {
            out.append(String.format(Locale.ROOT, "    %-32s %,d%n", r, report.neverRecommendedByReason().get(r)));
        }
        out.append(String.format(Locale.ROOT, "  max eligible of a never-recommended profile %,d; advice for %,d of %,d profiles, %,d of %,d unfilled vacancies%n",
                report.neverRecommended().stream().filter(n -> n.eligible() != null)
                        .mapToInt(AuditReport.NeverRecommended::eligible).max().orElse(0),
                report.advice().profiles(), report.neverRecommended().size(), report.advice().vacancies(),
                report.unfilledVacancies().size()));
        long[] ranking = steps.get("ranking candidates");
        if (ranking != null && ranking[2] > 0) {
            double perQuery = (ranking[1] - ranking[0]) / 1e6 / ranking[2];
            out.append(String.format(Locale.ROOT, "  ranking step: %.3f ms per vacancy wall-clock = %.2f x the one-thread baseline%n",
                    perQuery, perQuery / baselineMs));
        }
        System.out.print(out);
        matcher.close();
    }
}
