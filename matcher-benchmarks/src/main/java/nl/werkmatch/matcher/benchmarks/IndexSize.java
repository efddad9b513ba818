package nl.werkmatch.matcher.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.ExchangeFormat;

/**
 * Prints index bytes per profile on disk (total, per Lucene file kind, and without the stored fields that hold
 * the original JSON) and the heap per profile that an open matcher on that index holds.
 *
 * <pre>java -cp benchmarks.jar nl.werkmatch.matcher.benchmarks.IndexSize [profiles=100000] [taxonomy=sample]</pre>
 */
public final class IndexSize {
    private IndexSize() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        String taxonomy = args.length > 1 ? args[1] : "sample";
        BenchWorld world = BenchWorld.of(taxonomy, n, 0);

        Path dir = Files.createTempDirectory("werkmatch-size");
        try {
            long jsonBytes;
            try (Matcher m = Matcher.builder().taxonomy(world.taxonomy()).clock(BenchWorld.CLOCK).directory(dir)
                    .refreshInterval(Duration.ofHours(1)).build()) {
                world.load(m, n, 0, "disk " + taxonomy);
                m.commit();
                ExchangeFormat f = m.exchangeFormat();
                jsonBytes = world.world().profiles(n).parallel()
                        .mapToLong(p -> f.writeProfile(p).getBytes(StandardCharsets.UTF_8).length).sum();
            }
            Map<String, Long> byKind = new TreeMap<>();
            long total;
            try (Stream<Path> files = Files.walk(dir.resolve("profiles"))) {
                total = files.filter(Files::isRegularFile).mapToLong(p -> {
                    long size = size(p);
                    String name = p.getFileName().toString();
                    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                    byKind.merge(ext, size, Long::sum);
                    return size;
                }).sum();
            }
            long stored = byKind.getOrDefault("fdt", 0L) + byKind.getOrDefault("fdx", 0L) + byKind.getOrDefault("fdm", 0L);
            System.out.printf(Locale.ROOT, "taxonomy %s, %,d profiles (after commit, not force-merged)%n", taxonomy, n);
            System.out.printf(Locale.ROOT, "disk: %,.0f bytes/profile total (incl. stored JSON); raw JSON %,.0f bytes/profile%n",
                    (double) total / n, (double) jsonBytes / n);
            if (stored > 0 && !byKind.containsKey("cfs")) {
                System.out.printf(Locale.ROOT, "disk without stored fields (.fdt/.fdx/.fdm, LZ4-compressed JSON %,.0f):"
                        + " %,.0f bytes/profile%n", (double) stored / n, (double) (total - stored) / n);
            } else {
                System.out.println("stored fields not separable: segments are in compound (.cfs) files");
            }
            byKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "  .%-5s %,12d bytes  %,8.1f /profile%n", k, v,
                    (double) v / n));
            if (byKind.containsKey("cfs")) {
                System.out.println("  (.cfs compound files hold small segments of every kind)");
            }

            // heap: what an open matcher on this on-disk (memory-mapped) index holds, retained after GC: Lucene's
            // terms indexes and per-segment readers, and the engine's segment summaries
            long before = usedAfterGc();
            Matcher reopened = Matcher.builder().taxonomy(world.taxonomy()).clock(BenchWorld.CLOCK).directory(dir)
                    .refreshInterval(Duration.ofHours(1)).build();
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "heap: %,.0f bytes/profile held by an open matcher on the on-disk index"
                    + " (%,d profiles visible)%n", (double) (after - before) / n, reopened.profileCount());
            reopened.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
