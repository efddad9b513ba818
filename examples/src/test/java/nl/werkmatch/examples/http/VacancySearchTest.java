package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * The vacancy search against a brute-force reference over every stored vacancy: the same vacancies, the same
 * totals, with and without a region, for random queries built from the words the vacancies hold; and kept in
 * step with writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VacancySearchTest {
    private static final int VACANCIES = 1500;

    private Matcher matcher;
    private VacancySearch search;
    private final List<String> progress = new ArrayList<>();
    private final java.util.Map<String, Set<String>> wordsById = new java.util.HashMap<>();

    @BeforeAll
    void build() {
        matcher = Matcher.inMemory();
        SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(8)
                .today(LocalDate.now()).build();
        matcher.upsertVacancies(world.vacancies(VACANCIES).toList());
        matcher.refresh();
        search = VacancySearch.build(matcher, progress::add);
    }

    @AfterAll
    void close() {
        search.close();
        matcher.close();
    }

    @Test
    void theBuildSaysHowManyItIndexed() {
        assertThat(progress).last().asString().contains("1,500 vacancies indexed in");
    }

    @Test
    void randomQueriesFindExactlyWhatTheReferenceFinds() {
        List<Vacancy> all = stored();
        Random random = new Random(42);
        List<String> regions = matcher.regions().labourMarketRegions().stream().map(r -> r.name()).toList();
        for (int round = 0; round < 300; round++) {
            Vacancy source = all.get(random.nextInt(all.size()));
            List<String> words = new ArrayList<>(fieldWords(source));
            StringBuilder q = new StringBuilder();
            int n = 1 + random.nextInt(Math.min(3, words.size()));
            for (int i = 0; i < n; i++) {
                String w = words.get(random.nextInt(words.size()));
                if (i == n - 1 && random.nextBoolean() && w.length() > 3) {
                    w = w.substring(0, 2 + random.nextInt(w.length() - 2)); // type-ahead: the start of a word
                }
                // As people type: capitals and accents do not matter.
                q.append(i > 0 ? " " : "").append(random.nextBoolean() ? w.toUpperCase(java.util.Locale.ROOT) : w);
            }
            String region = random.nextInt(3) == 0 ? regions.get(random.nextInt(regions.size())) : null;
            VacancySearch.Result result = search.search(q.toString(), region, VacancySearch.MAX_LIMIT);
            Set<String> expected = reference(all, q.toString(), region);
            assertThat(result.total()).as("total for %s in %s", q, region).isEqualTo(Math.min(expected.size(), 1000));
            if (expected.size() <= VacancySearch.MAX_LIMIT) {
                assertThat(ids(result)).as("hits for %s in %s", q, region).isEqualTo(expected);
            } else {
                assertThat(expected).containsAll(ids(result));
            }
            if (region == null) {
                assertThat(expected).contains(source.id());
            }
        }
    }

    @Test
    void anIdRanksFirstAndItsStartFindsIt() {
        assertThat(search.search("v-123", null, 5).hits().get(0).id()).isEqualTo("v-123");
        assertThat(search.search("V-123", null, 5).hits().get(0).id()).isEqualTo("v-123");
        // 111 ids start with v-12; which of the tied ones fill a page of 100 is not defined, so: the whole id
        // first, every hit of the right start, and a start with fewer ids than the page finds them all.
        VacancySearch.Result twelve = search.search("v-12", null, 100);
        assertThat(twelve.hits().get(0).id()).isEqualTo("v-12");
        assertThat(ids(twelve)).hasSize(100).allSatisfy(id -> assertThat(id).startsWith("v-12"));
        assertThat(ids(search.search("v-129", null, 100))).containsExactlyInAnyOrder("v-129", "v-1290", "v-1291",
                "v-1292", "v-1293", "v-1294", "v-1295", "v-1296", "v-1297", "v-1298", "v-1299");
    }

    @Test
    void noWordsListsEveryVacancyInIdOrderWithinTheRegion() {
        VacancySearch.Result everything = search.search("", null, 10);
        assertThat(everything.total()).isEqualTo(1000);
        assertThat(everything.exact()).isFalse();
        List<String> first = everything.hits().stream().map(VacancySearch.Hit::id).toList();
        assertThat(first).isSorted().hasSize(10);

        String region = stored().stream().map(this::regionOf).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        VacancySearch.Result inRegion = search.search("  ", region, 100);
        long count = stored().stream().filter(v -> region.equals(regionOf(v))).count();
        assertThat(inRegion.total()).isEqualTo(count);
        assertThat(inRegion.hits()).allSatisfy(h -> assertThat(h.region()).isEqualTo(region));
    }

    @Test
    void aHitCarriesTheVacancysFacts() {
        Vacancy v = matcher.vacancy("v-7").orElseThrow();
        VacancySearch.Hit hit = search.search("v-7", null, 1).hits().get(0);
        assertThat(hit.title()).isEqualTo(v.title());
        assertThat(hit.employer()).isEqualTo(v.employer());
        assertThat(hit.occupation()).isEqualTo(v.occupation());
        assertThat(hit.region()).isEqualTo(regionOf(v));
        assertThat(hit.positions()).isEqualTo(v.positions());
    }

    @Test
    void syncFollowsWritesAndDeletes() {
        Vacancy v = matcher.vacancy("v-42").orElseThrow().toBuilder().id("v-sync").title("Kwartiermaker Zeewolde").build();
        matcher.upsertVacancy(v);
        matcher.refresh();
        assertThat(search.search("kwartiermaker", null, 10).hits()).isEmpty(); // not yet told
        search.sync(List.of("v-sync"));
        assertThat(ids(search.search("kwartiermaker", null, 10))).containsExactly("v-sync");

        matcher.upsertVacancy(v.toBuilder().title("Havenmeester").build());
        matcher.refresh();
        search.sync(List.of("v-sync"));
        assertThat(search.search("kwartiermaker", null, 10).hits()).isEmpty();
        assertThat(ids(search.search("havenmeester", null, 10))).containsExactly("v-sync");

        matcher.deleteVacancy("v-sync");
        matcher.refresh();
        search.sync(List.of("v-sync", "never-stored"));
        assertThat(search.search("havenmeester", null, 10).hits()).isEmpty();
        assertThat(search.search("", null, 10).total()).isEqualTo(1000);
    }

    @Test
    void writesDuringABackgroundBuildAreIndexedAsTheMatcherHasThemAfterIt() throws Exception {
        Vacancy renamed = matcher.vacancy("v-1400").orElseThrow().toBuilder().title("Dijkgraaf").build();
        Vacancy added = matcher.vacancy("v-9").orElseThrow().toBuilder().id("v-during").title("Polderwachter").build();
        Vacancy original1400 = matcher.vacancy("v-1400").orElseThrow();
        Vacancy original3 = matcher.vacancy("v-3").orElseThrow();
        String[] seenMidway = new String[1];
        java.util.concurrent.CompletableFuture<VacancySearch> self = new java.util.concurrent.CompletableFuture<>();
        VacancySearch background = VacancySearch.start(matcher, m -> { }, n -> {
            if (n == 100) {
                // Midway through the walk (whether or not it has reached these): a rename, a delete, a new one.
                matcher.upsertVacancy(renamed);
                matcher.deleteVacancy("v-3");
                matcher.upsertVacancy(added);
                matcher.refresh();
                self.join().sync(List.of("v-1400", "v-3", "v-during"));
                seenMidway[0] = self.join().notReadyReason();
            }
        });
        self.complete(background);
        try {
            awaitReady(background);
            assertThat(seenMidway[0]).contains("being built").contains("100 of 1,500");
            assertThat(ids(background.search("dijkgraaf", null, 10))).containsExactly("v-1400");
            assertThat(background.search("v-1400", null, 10).hits()).filteredOn(h -> h.id().equals("v-1400")).hasSize(1);
            assertThat(background.search("v-3", null, 100).hits()).noneMatch(h -> h.id().equals("v-3"));
            assertThat(ids(background.search("polderwachter", null, 10))).containsExactly("v-during");
            assertThat(background.search("", null, 100).total()).isEqualTo(1000);
        } finally {
            background.close();
            matcher.upsertVacancy(original1400);
            matcher.upsertVacancy(original3);
            matcher.deleteVacancy("v-during");
            matcher.refresh();
        }
    }

    @Test
    void theSearchRouteSaysHowFarTheBuildIsWithA503() throws Exception {
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        VacancySearch slow = VacancySearch.start(matcher, m -> { }, n -> {
            if (n == 10) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Router router = new Router();
        new WorkbenchRoutes(matcher, slow).register(router);
        try (ApiServer server = ApiServer.start(router, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))) {
            var http = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(server.uri().resolve("/vacancies?q=lasser")).build();
            while (!slow.notReadyReason().contains("10 of 1,500")) {
                Thread.sleep(5);
            }
            var r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("being built").contains("10 of 1,500");
            hold.countDown();
            awaitReady(slow);
            assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            hold.countDown();
            slow.close();
        }
    }

    @Test
    void aPurgeErasesADeletedVacancyFromTheSearchsMemory() throws Exception {
        try (Matcher small = Matcher.inMemory()) {
            SyntheticWorld world = SyntheticWorld.builder(small.taxonomy(), small.regions()).seed(9).today(LocalDate.now()).build();
            List<Vacancy> vacancies = world.vacancies(60).toList();
            // One in sixty deleted: below the share of deletions a merge leaves by default, so a purge must ask for all.
            Vacancy erased = vacancies.get(17).toBuilder().title("Kwekerijmedewerker Zeldzaamhoeve").employer("Zeldzaamhoeve BV").build();
            small.upsertVacancies(vacancies.stream().map(v -> v.id().equals(erased.id()) ? erased : v).toList());
            small.refresh();
            try (VacancySearch search = VacancySearch.build(small, m -> { })) {
                assertThat(ids(search.search("zeldzaamhoeve", null, 10))).containsExactly(erased.id());
                small.deleteVacancy(erased.id());
                small.refresh();
                search.sync(List.of(erased.id()));
                assertThat(search.search("zeldzaamhoeve", null, 10).hits()).isEmpty();
                // Not found, but still in memory until the purge (this is what the purge is for).
                assertThat(holds(search, "Zeldzaamhoeve")).isTrue();

                search.purgeDeleted();
                assertThat(holds(search, "Zeldzaamhoeve")).as("the erased vacancy's words in the index's memory").isFalse();
                assertThat(holds(search, "zeldzaamhoeve")).isFalse();
                assertThat(holds(search, erased.id())).isFalse(); // no other id of this world starts with it
                assertThat(search.search("", null, 100).total()).isEqualTo(59);
                assertThat(ids(search.search(vacancies.get(18).id(), null, 1))).containsExactly(vacancies.get(18).id());
            }
        }
    }

    @Test
    void closingDuringTheBuildStopsItQuietlyAndTheServerClosesWhatItsRoutesOwn() throws Exception {
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Front.LOG.addHandler(capture);
        List<Thread> builders = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            VacancySearch search = VacancySearch.start(matcher, m -> { }, n -> {
                if (n == 10) {
                    builders.add(Thread.currentThread());
                    reached.countDown();
                    try {
                        hold.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            Router router = new Router();
            router.owns(search);
            ApiServer server = ApiServer.start(router, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            assertThat(reached.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            server.close(); // closes the router, which closes the search while its build waits at vacancy 10
            hold.countDown();
            builders.get(0).join(30_000);
            assertThat(builders.get(0).isAlive()).isFalse();
            assertThat(search.ready()).isFalse();
            assertThat(search.notReadyReason()).doesNotContain("could not be built");
            assertThat(warnings).isEmpty();
            search.purgeDeleted(); // after close: nothing to do, no failure
        } finally {
            hold.countDown();
            Front.LOG.removeHandler(capture);
        }
    }

    /** Whether any file of the search's in-memory index holds these bytes. */
    private static boolean holds(VacancySearch search, String text) throws java.io.IOException {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte[] file : search.files()) {
            outer:
            for (int i = 0; i + needle.length <= file.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (file[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static void awaitReady(VacancySearch search) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!search.ready()) {
            assertThat(System.nanoTime()).as(search.notReadyReason()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    // ---- the reference

    private List<Vacancy> stored() {
        List<Vacancy> all = new ArrayList<>();
        matcher.forEachVacancy(all::add);
        return all;
    }

    /** Every word of the title, the employer and the occupation's labels in every language. */
    private Set<String> fieldWords(Vacancy v) {
        Set<String> words = new HashSet<>();
        for (String text : fieldTexts(v)) {
            words.addAll(search.words(text, Integer.MAX_VALUE));
        }
        return words;
    }

    private List<String> fieldTexts(Vacancy v) {
        List<String> texts = new ArrayList<>();
        if (v.title() != null) {
            texts.add(v.title());
        }
        if (v.employer() != null) {
            texts.add(v.employer());
        }
        SkillTaxonomy t = matcher.taxonomy();
        int o = v.occupation() == null ? -1 : t.occupationIndexOf(v.occupation());
        if (o >= 0) {
            for (String lang : t.languages()) {
                String label = t.occupationLabelIn(o, lang);
                if (label != null) {
                    texts.add(label);
                }
            }
        }
        return texts;
    }

    /** Every word of q in the vacancy's words (the last as a prefix), or q the id or its start; in the region. */
    private Set<String> reference(List<Vacancy> all, String q, String region) {
        List<String> words = search.words(q);
        String id = q.trim().toLowerCase(java.util.Locale.ROOT);
        Set<String> out = new TreeSet<>();
        for (Vacancy v : all) {
            if (region != null && !region.equals(regionOf(v))) {
                continue;
            }
            Set<String> have = wordsById.computeIfAbsent(v.id(), key -> fieldWords(v));
            boolean every = !words.isEmpty();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                boolean last = i == words.size() - 1;
                if (!(have.contains(w) || last && have.stream().anyMatch(h -> h.startsWith(w)))) {
                    every = false;
                }
            }
            if (every || v.id().toLowerCase(java.util.Locale.ROOT).startsWith(id)) {
                out.add(v.id());
            }
        }
        return out;
    }

    private String regionOf(Vacancy v) {
        return v.location() == null ? null : matcher.regions().resolve(v.location()).map(r -> r.region().name()).orElse(null);
    }

    private static Set<String> ids(VacancySearch.Result result) {
        Set<String> ids = new TreeSet<>();
        result.hits().forEach(h -> ids.add(h.id()));
        return ids;
    }
}
