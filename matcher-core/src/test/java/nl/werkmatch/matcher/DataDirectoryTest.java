package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/** A data directory's lifecycle: staged rebuilds, inspection, the write lock, deletes, an embedder's executor. */
class DataDirectoryTest {

    /** Welding and forklift driving; the second version drops forklift driving. */
    private static SkillTaxonomy taxonomy(boolean withForklift) {
        SkillTaxonomy.Builder b = SkillTaxonomy.builder("staged", withForklift ? "1" : "2", "nl")
                .addConcept("s-lassen", SkillType.SKILL, Map.of("nl", "Lassen"), Map.of(), List.of(), List.of());
        if (withForklift) {
            b.addConcept("s-heftruck", SkillType.SKILL, Map.of("nl", "Heftruck rijden"), Map.of(), List.of(), List.of());
        }
        return b.build();
    }

    /** A welder in Amsterdam or Zaanstad with A2 Dutch. */
    private static Profile welder(int i) {
        return Profile.builder("p-" + i).location(Location.municipality(i % 2 == 0 ? "GM0363" : "GM0479"))
                .skill("s-lassen", Evidence.DECLARED).dutch(DutchLevels.uniform(Cefr.A2)).build();
    }

    private static Vacancy job(String id, String skill) {
        return Vacancy.builder(id).location(Location.municipality("GM0363")).skill(skill, Importance.ESSENTIAL).build();
    }

    private static Matcher open(Path dir, boolean withForklift, TaxonomyMismatch onMismatch) {
        return Matcher.builder().taxonomy(taxonomy(withForklift)).directory(dir).onTaxonomyMismatch(onMismatch).build();
    }

    @Test
    void aRebuildWhoseSecondSideFailsChangesNeitherSide(@TempDir Path dir) {
        try (Matcher m = open(dir, true, TaxonomyMismatch.FAIL)) {
            for (int i = 0; i < 20; i++) {
                m.upsertProfile(welder(i));
            }
            m.upsertVacancy(job("v-welding", "s-lassen"));
            m.upsertVacancy(job("v-forklift", "s-heftruck"));   // does not fit the second version
        }
        String before = Matcher.inspect(dir).orElseThrow().fingerprint();
        List<String> progress = new ArrayList<>();
        assertThatThrownBy(() -> Matcher.builder().taxonomy(taxonomy(false)).directory(dir)
                .onTaxonomyMismatch(TaxonomyMismatch.REBUILD).progress(progress::add).build())
                .isInstanceOf(TaxonomyMismatchException.class)
                .hasMessageContaining("vacancies").hasMessageContaining("s-heftruck").hasMessageContaining("nothing was changed");
        assertThat(progress).anyMatch(line -> line.startsWith("Rebuilding profiles"));   // the first side was staged

        DataDirectoryInfo after = Matcher.inspect(dir).orElseThrow();
        assertThat(after.fingerprint()).isEqualTo(before);
        assertThat(after.taxonomyVersion()).isEqualTo("1");
        // both sides still carry the old fingerprint: the old taxonomy opens them without a rebuild
        try (Matcher m = open(dir, true, TaxonomyMismatch.FAIL)) {
            assertThat(m.profileCount()).isEqualTo(20);
            assertThat(m.vacancyCount()).isEqualTo(2);
            assertThat(m.candidatesFor("v-welding", MatchRequest.builder().k(5).build()).matches()).hasSize(5);
        }
    }

    @Test
    void aRebuildThatFitsRebuildsBothSides(@TempDir Path dir) {
        try (Matcher m = open(dir, true, TaxonomyMismatch.FAIL)) {
            m.upsertProfile(welder(1));
            m.upsertVacancy(job("v-welding", "s-lassen"));
        }
        try (Matcher m = open(dir, false, TaxonomyMismatch.REBUILD)) {
            assertThat(m.profileCount()).isEqualTo(1);
            assertThat(m.vacancyCount()).isEqualTo(1);
        }
        assertThat(Matcher.inspect(dir).orElseThrow().taxonomyVersion()).isEqualTo("2");
        try (Matcher m = open(dir, false, TaxonomyMismatch.FAIL)) {
            assertThat(m.vacancy("v-welding")).isPresent();
        }
    }

    @Test
    void inspectTellsWhatADirectoryHoldsWhileItIsOpen(@TempDir Path dir) {
        assertThat(Matcher.inspect(dir)).isEmpty();
        try (Matcher m = open(dir, true, TaxonomyMismatch.FAIL)) {
            for (int i = 0; i < 7; i++) {
                m.upsertProfile(welder(i));
            }
            m.upsertVacancy(job("v-1", "s-lassen"));
            m.commit();
            DataDirectoryInfo info = Matcher.inspect(dir).orElseThrow();
            assertThat(info.taxonomyId()).isEqualTo("staged");
            assertThat(info.taxonomyVersion()).isEqualTo("1");
            assertThat(info.taxonomy()).isEqualTo("staged v1");
            assertThat(info.profiles()).isEqualTo(7);
            assertThat(info.vacancies()).isEqualTo(1);
            assertThat(info.fingerprint()).hasSize(64);
            m.upsertProfile(welder(8));   // not committed: inspect reads the last commit
            assertThat(Matcher.inspect(dir).orElseThrow().profiles()).isEqualTo(7);
        }
    }

    @Test
    void theLastCommitSaysWhichCreditsTheDocumentsWereIndexedWith(@TempDir Path dir) {
        RankingSettings tuned = RankingSettings.DEFAULT
                .withWeights(ScoringWeights.normalized(0.6, 0.1, 0.1, 0.1, 0.1, 12))
                .withSimilarity(new SkillSimilarity.Config(0.85, 0.45, 0.15, 0.35, 2, 32))
                .withEvidence(new EvidenceWeights(0.65, 0.9, 1.0, 0.55, 0.8, 0.6, 0.4, 96));
        try (Matcher m = Matcher.builder().taxonomy(taxonomy(true)).directory(dir).ranking(tuned).build()) {
            m.upsertProfile(welder(1));
        }
        DataDirectoryInfo info = Matcher.inspect(dir).orElseThrow();
        assertThat(info.similarity()).isEqualTo(tuned.similarity());
        assertThat(info.evidence()).isEqualTo(tuned.evidence());
        // component weights are not part of the index, so they are not recorded
        assertThat(info.indexSettings()).contains(tuned.withWeights(ScoringWeights.DEFAULT));

        assertThatThrownBy(() -> open(dir, true, TaxonomyMismatch.FAIL)).isInstanceOf(TaxonomyMismatchException.class);
        try (Matcher m = Matcher.builder().taxonomy(taxonomy(true)).directory(dir)
                .ranking(info.indexSettings().orElseThrow()).build()) {
            assertThat(m.profileCount()).isEqualTo(1);
        }
        try (Matcher m = open(dir, true, TaxonomyMismatch.REBUILD)) {   // rebuilt with the defaults, and says so
            assertThat(m.profileCount()).isEqualTo(1);
        }
        assertThat(Matcher.inspect(dir).orElseThrow().indexSettings()).contains(RankingSettings.DEFAULT);
    }

    @Test
    void aDirectoryCommittedBeforeCreditsWereRecordedGetsThemAtItsNextCommit(@TempDir Path dir) throws Exception {
        try (Matcher m = open(dir, true, TaxonomyMismatch.FAIL)) {
            m.upsertProfile(welder(1));
        }
        String fingerprint = Matcher.inspect(dir).orElseThrow().fingerprint();
        for (String side : List.of("profiles", "vacancies")) {   // as an earlier version committed it
            try (Directory d = FSDirectory.open(dir.resolve(side));
                 IndexWriter w = new IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
                Map<String, String> data = new java.util.HashMap<>();
                w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
                assertThat(data.remove("werkmatch.indexSettings")).as("the key this test removes").isNotNull();
                w.setLiveCommitData(data.entrySet());
                w.commit();
            }
        }
        DataDirectoryInfo old = Matcher.inspect(dir).orElseThrow();
        assertThat(old.indexSettings()).isEmpty();
        assertThat(old.similarity()).isNull();
        assertThat(old.fingerprint()).isEqualTo(fingerprint);
        try (Matcher m = open(dir, true, TaxonomyMismatch.FAIL)) {   // the fingerprint still matches: no rebuild
            assertThat(m.profileCount()).isEqualTo(1);
        }
        assertThat(Matcher.inspect(dir).orElseThrow().indexSettings()).contains(RankingSettings.DEFAULT);
    }

    @Test
    void aDirectoryOpenElsewhereIsLockedAndSaysSo(@TempDir Path dir) {
        try (Matcher first = open(dir, true, TaxonomyMismatch.FAIL)) {
            assertThatThrownBy(() -> open(dir, true, TaxonomyMismatch.FAIL))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining(dir.toString()).hasMessageContaining("in use");
            first.upsertProfile(welder(1));   // the first matcher is unharmed
        }
        try (Matcher again = open(dir, true, TaxonomyMismatch.FAIL)) {   // and the lock left with it
            assertThat(again.profileCount()).isEqualTo(1);
        }
    }

    @Test
    void aFailingSideStillLetsTheOtherCommitAndReleaseItsLock(@TempDir Path dir) throws Exception {
        Matcher m = open(dir, true, TaxonomyMismatch.FAIL);
        m.upsertProfile(welder(1));
        m.upsertVacancy(job("v-1", "s-lassen"));
        m.commit();
        m.upsertProfile(welder(2));
        m.upsertVacancy(job("v-2", "s-lassen"));   // only the close commits it
        try (Stream<Path> files = Files.walk(dir.resolve("profiles"))) {   // the profiles side can no longer write
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThatThrownBy(m::close).isInstanceOf(WerkmatchException.class).hasMessageContaining("closing the matcher failed");
        try (Directory vacancies = FSDirectory.open(dir.resolve("vacancies"))) {
            try (DirectoryReader reader = DirectoryReader.open(vacancies)) {
                assertThat(reader.numDocs()).as("the vacancies side committed after the profiles side failed").isEqualTo(2);
            }
            vacancies.obtainLock(IndexWriter.WRITE_LOCK_NAME).close();   // throws if a writer still holds it
        }
        assertThatThrownBy(() -> m.profileCount()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void deleteSaysWhetherItRemovedADocument() {
        try (Matcher m = Matcher.builder().taxonomy(taxonomy(true)).refreshInterval(Duration.ofHours(1)).build()) {
            assertThat(m.deleteProfile("p-1")).as("never written").isFalse();
            m.upsertProfile(welder(1));
            assertThat(m.deleteProfile("p-1")).as("written, not yet refreshed").isTrue();
            assertThat(m.deleteProfile("p-1")).as("already deleted").isFalse();
            m.upsertProfile(welder(2));
            m.refresh();
            assertThat(m.deleteProfile("p-2")).as("visible").isTrue();
            m.refresh();
            assertThat(m.deleteProfile("p-2")).as("deleted and refreshed").isFalse();
            m.upsertProfiles(List.of(welder(3), welder(4)));
            assertThat(m.deleteProfiles(List.of("p-3", "p-4", "p-5"))).isEqualTo(2);
            m.upsertVacancy(job("v-1", "s-lassen"));
            assertThat(m.deleteVacancy("v-1")).isTrue();
            assertThat(m.deleteVacancy("v-1")).isFalse();
            m.refresh();
            assertThat(m.profileCount()).isZero();
            assertThat(m.vacancyCount()).isZero();
        }
    }

    @Test
    void anEmbeddersExecutorRunsTheRefreshAndOutlivesTheMatcher() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
            tasks.incrementAndGet();
            Thread t = new Thread(r, "embedder");
            t.setDaemon(true);
            return t;
        });
        try {
            try (Matcher m = Matcher.builder().taxonomy(taxonomy(true)).executor(executor)
                    .refreshInterval(Duration.ofMillis(20)).build()) {
                List<Profile> batch = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    batch.add(welder(i));
                }
                assertThat(m.upsertProfiles(batch).written()).isEqualTo(500);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (m.profileCount() < 500 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(m.profileCount()).as("visible through the background refresh alone").isEqualTo(500);
            }
            assertThat(tasks.get()).as("threads made by the embedder's executor").isPositive();
            assertThat(executor.isShutdown()).isFalse();
            assertThat(executor.submit(() -> 42).get()).isEqualTo(42);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void nullArgumentsAreInvalidInputNamingTheParameter() {
        try (Matcher m = Matcher.builder().taxonomy(taxonomy(true)).build()) {
            assertThatThrownBy(() -> m.upsertProfile(null)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("profile: missing (null)");
            assertThatThrownBy(() -> m.upsertVacancies(java.util.Arrays.asList(job("v-1", "s-lassen"), null)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("vacancies[1]: missing (null)");
            assertThatThrownBy(() -> m.candidatesFor("v-1", null)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("request: missing (null)");
        }
        assertThatThrownBy(() -> Matcher.builder().weights(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("weights: missing (null)");
    }
}
