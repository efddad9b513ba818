package nl.werkmatch.matcher.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Importance;

/**
 * Loads the real ESCO v1.1.1 CSV distribution from the shared reference data (system property
 * {@code werkmatch.shared.data}, set by the build) and checks its counts, timing and memory.
 */
class EscoFullLoadTest {
    private static final String ABSENT_OCCUPATION =
            "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e";

    private Path esco;

    // per test rather than @BeforeAll, so that each skip is reported with its reason
    @BeforeEach
    void locate() {
        String shared = System.getProperty("werkmatch.shared.data");
        assumeTrue(shared != null, "system property werkmatch.shared.data is not set; skipping the full ESCO load");
        esco = Path.of(shared, "esco-v1.1.1");
        assumeTrue(Files.isRegularFile(esco.resolve(EscoLoader.SKILLS)),
                "no ESCO CSV files in " + esco + "; skipping the full ESCO load");
    }

    @Test
    void loadsAllOfEscoInSecondsAndLittleHeap() throws Exception {
        long before = usedHeapAfterGc();
        List<String> messages = new ArrayList<>();
        long start = System.nanoTime();
        EscoLoader.Result result = EscoLoader.load(esco, messages::add);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        long retained = usedHeapAfterGc() - before;
        SkillTaxonomy esco1 = result.taxonomy();

        start = System.nanoTime();
        SkillTaxonomy esco2 = EscoLoader.load(esco);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(Locale.ROOT, "ESCO %s: first load %,d ms, second load %,d ms, retained heap %.1f MB "
                        + "(%d cores, Java %s)%n", esco1.version(), firstMillis, secondMillis, retained / 1e6,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        messages.forEach(m -> System.out.println("  " + m));

        assertThat(esco1.id()).isEqualTo("esco");
        assertThat(esco1.version()).isEqualTo("1.1.1");
        assertThat(esco1.defaultLanguage()).isEqualTo("en");
        assertThat(esco1.count(SkillType.SKILL) + esco1.count(SkillType.KNOWLEDGE)).isEqualTo(13_896);
        // 10,831 "skill/competence" plus the 6 DigComp competence areas that have no skillType
        assertThat(esco1.count(SkillType.SKILL)).isEqualTo(10_837);
        assertThat(esco1.count(SkillType.KNOWLEDGE)).isEqualTo(3_059);
        assertThat(result.untypedSkills()).isEqualTo(6);
        assertThat(esco1.count(SkillType.GROUP)).isEqualTo(recordCount(EscoLoader.SKILL_GROUPS)).isEqualTo(640);
        assertThat(esco1.occupationCount()).isEqualTo(3_007);

        // occupationSkillRelations.csv has 123,855 rows without duplicates; 67 of them belong to one occupation
        // that occupations_en.csv does not list, so 123,788 relations remain.
        assertThat(recordCount(EscoLoader.OCCUPATION_SKILLS)).isEqualTo(123_855);
        assertThat(result.skippedOccupationSkills()).isEqualTo(67);
        assertThat(esco1.occupationIndexOf(ABSENT_OCCUPATION)).isEqualTo(-1);
        assertThat(esco1.occupationSkillRelationCount()).isEqualTo(123_788);

        // 7 of the 20,656 hierarchy rows name skill groups that skillGroups_en.csv does not hold
        assertThat(result.skippedBroader()).isEqualTo(7);
        assertThat(edgeCount(esco1, true)).isEqualTo(20_656 - 7);
        assertThat(result.skippedRelated()).isZero();
        assertThat(edgeCount(esco1, false)).isEqualTo(5_899);
        assertThat(result.skippedTranslations()).isZero();

        assertThat(esco2.fingerprint()).isEqualTo(esco1.fingerprint());
        assertThat(firstMillis).as("load time in ms").isLessThan(30_000);
        assertThat(retained).as("retained heap in bytes").isLessThan(100_000_000L);
        Reference.reachabilityFence(result);
    }

    @Test
    void mapsLabelsTypesAndRelevance() throws IOException {
        SkillTaxonomy t = EscoLoader.load(esco);
        int musical = t.indexOf("http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab");
        assertThat(t.label(musical, "en")).isEqualTo("manage musical staff");
        assertThat(t.type(musical)).isEqualTo(SkillType.SKILL);
        // the preferred label, repeated among the alternatives in the file, is left out
        assertThat(t.altLabels(musical, "en")).contains("manage music staff", "direct musical staff")
                .doesNotContain("manage musical staff");

        int director = t.occupationIndexOf("http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34");
        assertThat(t.occupationLabel(director, "en")).isEqualTo("technical director");
        assertThat(t.isco(director)).isEqualTo("2654");
        assertThat(t.sector(director)).isNull();
        int essential = t.indexOf("http://data.europa.eu/esco/skill/fed5b267-73fa-461d-9f69-827c78beb39d");
        assertThat(t.occupationSkills(director, Importance.ESSENTIAL)).contains(essential);
        assertThat(t.occupationSkills(director, Importance.IMPORTANT)).isEmpty();
    }

    private long recordCount(String file) throws IOException {
        try (CsvRows rows = CsvRows.open(esco.resolve(file))) {
            long n = 0;
            while (rows.next()) {
                n++;
            }
            return n;
        }
    }

    private static long edgeCount(SkillTaxonomy t, boolean broader) {
        long n = 0;
        for (int i = 0; i < t.size(); i++) {
            n += broader ? t.broader(i).length : t.related(i).length;
        }
        return n;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
