package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/** Queries run while a writer upserts and deletes: no failure, no result that breaks a filter, deletes stick. */
class ConcurrencyTest {

    @Test
    void writesBecomeVisibleWithoutAnExplicitRefresh() throws Exception {
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).clock(TinyWorld.CLOCK).build()) {
            m.upsertProfile(ImportUntilKilled.profile(1));
            m.upsertProfile(ImportUntilKilled.profile(2));
            // the background refresher runs every second; allow generously for a loaded machine
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (m.profileCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(m.profileCount()).isEqualTo(2);
            assertThat(m.deleteProfiles(List.of("p-1", "p-2", "p-unknown"))).isEqualTo(2);
            m.refresh();
            assertThat(m.profileCount()).isZero();
        }
    }

    @Test
    void queriesWhileWriting() throws Exception {
        RandomWorld world = new RandomWorld(42);
        try (Matcher m = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK)
                .refreshInterval(java.time.Duration.ofMillis(50)).build()) {
            List<Vacancy> vacancies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                vacancies.add(world.vacancy(i));
            }
            m.upsertVacancies(vacancies);
            for (int i = 0; i < 300; i++) {
                m.upsertProfile(world.profile(i));
            }
            m.refresh();
            Set<String> deleted = ConcurrentHashMap.newKeySet();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                readers.add(pool.submit(() -> {
                    int round = 0;
                    while (writing.get() || round < 5) {
                        round++;
                        try {
                            Vacancy v = vacancies.get(round % vacancies.size());
                            MatchRequest r = MatchRequest.builder().k(10).withinKm(40.0).build();
                            for (Match match : m.candidatesFor(v.id(), r).matches()) {
                                assertThat(match.score()).isBetween(0.0, 1.0);
                                if (!v.remote()) {
                                    var found = m.profile(match.id());
                                    if (found.isPresent()) {   // it may have been deleted since
                                        double km = m.scorer().explain(found.get(), v, m.weights()).distance().km();
                                        assertThat(km).as("distance filter").isLessThanOrEqualTo(40.0);
                                    }
                                }
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    }
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 300; i < 900; i++) {
                        m.upsertProfile(world.profile(i));
                        if (i % 3 == 0) {
                            String id = "p-" + (i - 300);
                            m.deleteProfile(id);
                            deleted.add(id);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    writing.set(false);
                }
            });
            writer.get(2, TimeUnit.MINUTES);
            for (Future<?> f : readers) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(failures).isEmpty();
            m.refresh();
            assertThat(m.profileCount()).isEqualTo(900 - deleted.size());
            for (String id : deleted) {
                assertThat(m.profile(id)).as(id).isEmpty();
            }
            for (Vacancy v : vacancies.subList(0, 30)) {
                assertThat(m.candidatesFor(v.id(), MatchRequest.builder().k(100).ignoreTravelLimit(true).build()).matches())
                        .extracting(Match::id).doesNotContainAnyElementsOf(deleted);
            }
        }
    }
}
