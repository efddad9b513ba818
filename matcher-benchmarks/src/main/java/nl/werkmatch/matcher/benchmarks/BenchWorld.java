package nl.werkmatch.matcher.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.BulkLoad;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.EscoLoader;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * A synthetic world of N profiles and M vacancies on a taxonomy, built once per JVM (fork) and shared by the
 * benchmark states: the engine ({@link #matcher()}), the prepared objects of the brute-force scan, and the index of
 * the Elasticsearch-style baseline, each built only when first asked. Progress goes to stderr.
 *
 * <p>Everything is seeded and the clock is fixed, so every fork sees the same data and the same queries.
 */
public final class BenchWorld {
    /** The fixed day of every benchmark: vacancies are open or closed relative to it. */
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    public static final long SEED = 42;
    static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).atZone(NL).toInstant(), NL);
    static final ScoringWeights WEIGHTS = ScoringWeights.DEFAULT;

    private static final Map<String, BenchWorld> WORLDS = new ConcurrentHashMap<>();
    private static final Map<String, SkillTaxonomy> TAXONOMIES = new ConcurrentHashMap<>();

    private final String taxonomyName;
    private final SkillTaxonomy taxonomy;
    private final Regions regions;
    private final SyntheticWorld world;
    private final Scorer scorer;
    private final int profileCount;
    private final int vacancyCount;
    private Matcher matcher;
    private PreparedProfile[] preparedProfiles;
    private PreparedVacancy[] preparedVacancies;
    private EsStyleBaseline esProfiles;
    private EsStyleBaseline esVacancies;

    private BenchWorld(String taxonomyName, int profiles, int vacancies) {
        this.taxonomyName = taxonomyName;
        this.taxonomy = taxonomy(taxonomyName);
        this.regions = Regions.netherlands();
        this.world = SyntheticWorld.builder(taxonomy, regions).seed(SEED).today(TODAY).build();
        this.scorer = new Scorer(taxonomy, SkillSimilarity.of(taxonomy, SkillSimilarity.Config.DEFAULT),
                EvidenceWeights.DEFAULT, regions);
        this.profileCount = profiles;
        this.vacancyCount = vacancies;
    }

    /** The world for these parameters, shared within the JVM. */
    public static BenchWorld of(String taxonomy, int profiles, int vacancies) {
        return WORLDS.computeIfAbsent(taxonomy + "/" + profiles + "/" + vacancies,
                key -> new BenchWorld(taxonomy, profiles, vacancies));
    }

    // ---- taxonomy

    /** {@code sample} (bundled) or {@code esco} (from the shared data folder; falls back to sample if absent). */
    public static SkillTaxonomy taxonomy(String name) {
        return TAXONOMIES.computeIfAbsent(name, BenchWorld::loadTaxonomy);
    }

    private static SkillTaxonomy loadTaxonomy(String name) {
        switch (name) {
            case "sample":
                return TaxonomyJson.sample();
            case "esco": {
                Path dir = escoDirectory();
                if (dir == null) {
                    log("ESCO not found (set -Dwerkmatch.shared.data=<folder holding esco-v1.1.1>, default ../shared/data);"
                            + " FALLING BACK TO THE SAMPLE TAXONOMY");
                    return TaxonomyJson.sample();
                }
                long t0 = System.nanoTime();
                try {
                    SkillTaxonomy t = EscoLoader.load(dir);
                    log(String.format(Locale.ROOT, "ESCO loaded from %s: %,d skills in %.1f s", dir, t.size(),
                            (System.nanoTime() - t0) / 1e9));
                    return t;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default:
                throw new IllegalArgumentException("taxonomy must be sample or esco, got " + name);
        }
    }

    static Path sharedData() {
        String prop = System.getProperty("werkmatch.shared.data");
        if (prop != null) {
            return Path.of(prop);
        }
        // the default ../shared/data is relative to the repository root; look for it from here upwards
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml")) && !Files.exists(p.getParent().resolve("pom.xml"))) {
                return p.resolve("../shared/data").normalize();
            }
        }
        return here.resolve("../shared/data").normalize();
    }

    private static Path escoDirectory() {
        Path shared = sharedData();
        if (Files.exists(shared.resolve("skills_en.csv"))) {
            return shared;
        }
        try (var list = Files.list(shared)) {
            return list.filter(p -> p.getFileName().toString().startsWith("esco") && Files.exists(p.resolve("skills_en.csv")))
                    .sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    // ---- parts, built on first use

    /**
     * The engine on an on-disk index (memory-mapped, as an embedding application would run it). With
     * {@code -Dwerkmatch.bench.cache=DIR} the index is kept there and reused by later forks and runs of the same
     * benchmarks jar (a marker records the jar's hash and is written only after a complete load); otherwise it is
     * built in a temporary folder deleted when the JVM exits. {@code -Dwerkmatch.bench.anyIndex=true} reuses a
     * complete cached index made by other engine code: only for comparing changes of the query side, which leave
     * the documents as they are (a change of the format is not detected then).
     */
    public synchronized Matcher matcher() {
        if (matcher == null) {
            try {
                matcher = openOrBuild();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return matcher;
    }

    private Matcher openOrBuild() throws IOException {
        String cache = System.getProperty("werkmatch.bench.cache");
        String name = taxonomyName + "-" + profileCount + "p-" + vacancyCount + "v-seed" + SEED;
        Path dir;
        Path marker = null;
        String stamp = null;
        if (cache == null) {
            dir = Files.createTempDirectory("werkmatch-bench-" + name);
            deleteOnExit(dir);
        } else {
            dir = Path.of(cache).resolve(name);
            marker = dir.resolve("complete");
            stamp = codeStamp();
            // werkmatch.bench.anyIndex: a change of the query side only, which leaves the documents as they were
            boolean any = Boolean.getBoolean("werkmatch.bench.anyIndex");
            if (stamp != null && Files.exists(marker) && (any || Files.readString(marker).equals(stamp))) {
                Matcher m = engineBuilder().directory(dir).build();
                if (m.profileCount() == profileCount && m.vacancyCount() == vacancyCount) {
                    log("engine " + name + ": reusing the index in " + dir);
                    return m;
                }
                m.close();
            }
            deleteTree(dir);
            Files.createDirectories(dir);
        }
        Matcher m = engineBuilder().directory(dir).build();
        long t0;
        // as `werkmatch import` does a bulk load: merges held back, then one segment per index, then measured as a
        // directory opened again
        try (BulkLoad bulk = m.bulkLoad()) {
            load(m, profileCount, vacancyCount, "engine " + taxonomyName);
            t0 = System.nanoTime();
            m.compact();
        }
        m.close();
        log(String.format(Locale.ROOT, "engine %s: compacted and closed in %.1f s", name, (System.nanoTime() - t0) / 1e9));
        if (marker != null && stamp != null) {
            Files.writeString(marker, stamp);
        }
        return engineBuilder().directory(dir).build();
    }

    private Matcher.Builder engineBuilder() {
        return Matcher.builder().taxonomy(taxonomy).regions(regions).clock(CLOCK).refreshInterval(Duration.ofHours(1))
                .onTaxonomyMismatch(nl.werkmatch.matcher.TaxonomyMismatch.FAIL);
    }

    /**
     * SHA-256 over the names and bytes of the project's classes and resources in the jar holding the engine (the
     * benchmarks' own classes left out), so a cached index is never used by other engine code, while a rebuild of
     * the same code (new timestamps) or a new benchmark still reuses it; null outside a jar.
     */
    private static String codeStamp() {
        try {
            Path jar = Path.of(Matcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                List<? extends java.util.zip.ZipEntry> entries = zip.stream()
                        // the benchmarks' own classes do not build the index: a new benchmark keeps the cache
                        .filter(e -> e.getName().startsWith("nl/werkmatch/") && !e.isDirectory()
                                && !e.getName().startsWith("nl/werkmatch/matcher/benchmarks/"))
                        .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).toList();
                for (var e : entries) {
                    digest.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (var in = zip.getInputStream(e)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            return null;
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteTree(dir);
            } catch (IOException ignored) {
                // a temporary folder; the system cleans it eventually
            }
        }));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Upserts profiles 0..n-1 and vacancies 0..m-1 in batches of 1,000 on all cores, then refreshes. */
    void load(Matcher m, int n, int mv, String label) {
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        int batch = 1000;
        IntStream.range(0, (n + batch - 1) / batch).parallel().forEach(b -> {
            List<Profile> ps = new ArrayList<>(batch);
            for (int i = b * batch; i < Math.min(n, (b + 1) * batch); i++) {
                ps.add(world.profile(i));
            }
            BatchResult r = m.upsertProfiles(ps);
            rejected.addAndGet(r.rejected().size());
            progress(label + " profiles", done.addAndGet(ps.size()), n, t0);
        });
        long t1 = System.nanoTime();
        done.set(0);
        IntStream.range(0, (mv + batch - 1) / batch).parallel().forEach(b -> {
            List<Vacancy> vs = new ArrayList<>(batch);
            for (int i = b * batch; i < Math.min(mv, (b + 1) * batch); i++) {
                vs.add(world.vacancy(i));
            }
            BatchResult r = m.upsertVacancies(vs);
            rejected.addAndGet(r.rejected().size());
            progress(label + " vacancies", done.addAndGet(vs.size()), mv, t1);
        });
        m.refresh();
        if (rejected.get() > 0) {
            log("WARNING: " + rejected.get() + " synthetic documents were rejected by validation");
        }
        log(String.format(Locale.ROOT, "%s: %,d profiles + %,d vacancies indexed in %.1f s", label, n, mv,
                (System.nanoTime() - t0) / 1e9));
    }

    public synchronized PreparedProfile[] preparedProfiles() {
        if (preparedProfiles == null) {
            long t0 = System.nanoTime();
            AtomicLong done = new AtomicLong();
            preparedProfiles = LongStream.range(0, profileCount).parallel().mapToObj(i -> {
                // the compact form: all the scan scores and filters on, a fraction of the full form's memory
                PreparedProfile pp = scorer.prepare(world.profile(i)).compact();
                long d = done.incrementAndGet();
                if (d % 50_000 == 0) {
                    progress("prepare profiles", d, profileCount, t0);
                }
                return pp;
            }).toArray(PreparedProfile[]::new);
            if (profileCount % 50_000 != 0) {
                progress("prepare profiles", profileCount, profileCount, t0);
            }
        }
        return preparedProfiles;
    }

    public synchronized PreparedVacancy[] preparedVacancies() {
        if (preparedVacancies == null) {
            long t0 = System.nanoTime();
            preparedVacancies = LongStream.range(0, vacancyCount).parallel()
                    .mapToObj(i -> scorer.prepare(world.vacancy(i)).compact()).toArray(PreparedVacancy[]::new);
            progress("prepare vacancies", vacancyCount, vacancyCount, t0);
        }
        return preparedVacancies;
    }

    synchronized EsStyleBaseline esProfiles() {
        if (esProfiles == null) {
            PreparedProfile[] pps = preparedProfiles();
            long t0 = System.nanoTime();
            esProfiles = EsStyleBaseline.ofProfiles(pps);
            progress("es-style profile index", pps.length, pps.length, t0);
        }
        return esProfiles;
    }

    synchronized EsStyleBaseline esVacancies() {
        if (esVacancies == null) {
            PreparedVacancy[] pvs = preparedVacancies();
            long t0 = System.nanoTime();
            esVacancies = EsStyleBaseline.ofVacancies(pvs);
            progress("es-style vacancy index", pvs.length, pvs.length, t0);
        }
        return esVacancies;
    }

    // ---- queries: fixed, seeded, meaningful (open vacancies; profiles allowed to work)

    /** The first {@code n} vacancy indices below {@link #vacancyCount()} that are open on {@link #TODAY}. */
    public List<Vacancy> queryVacancies(int n) {
        List<Vacancy> out = new ArrayList<>();
        for (int i = 0; i < vacancyCount && out.size() < n; i++) {
            Vacancy v = world.vacancy(i);
            if (Filters.open(v, TODAY)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The first {@code n} profile indices below {@link #profileCount()} whose holders may work. */
    public List<Profile> queryProfiles(int n) {
        List<Profile> out = new ArrayList<>();
        for (int i = 0; i < profileCount && out.size() < n; i++) {
            Profile p = world.profile(i);
            if (p.workAuthorization() != WorkAuthorization.NOT_ALLOWED) {
                out.add(p);
            }
        }
        return out;
    }

    public SyntheticWorld world() { return world; }
    public SkillTaxonomy taxonomy() { return taxonomy; }
    public Regions regions() { return regions; }
    public Scorer scorer() { return scorer; }
    public int profileCount() { return profileCount; }
    public int vacancyCount() { return vacancyCount; }

    // ---- progress

    static void progress(String what, long done, long total, long startNanos) {
        long step = Math.max(1, Math.min(50_000, total / 5));
        if (done % step != 0 && done != total) {
            return;
        }
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        log(String.format(Locale.ROOT, "  %s: %,d / %,d (%,.0f/s)", what, done, total, done / secs));
    }

    static void log(String line) {
        System.err.println("[werkmatch-bench] " + line);
        System.err.flush();
    }
}
