package nl.werkmatch.matcher.taxonomy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The full ESCO v1.1.1 taxonomy from the shared data beside the clone, loaded once per test JVM with the real
 * {@link EscoLoader}. Tests calling {@link #taxonomy()} are skipped, with a message, when the data is absent.
 */
final class EscoTestData {
    static final String PROPERTY = "werkmatch.shared.data";

    private static SkillTaxonomy cached;

    private EscoTestData() {
    }

    static synchronized SkillTaxonomy taxonomy() throws IOException {
        if (cached == null) {
            cached = EscoLoader.load(directory());
        }
        return cached;
    }

    private static Path directory() {
        String shared = System.getProperty(PROPERTY);
        assumeTrue(shared != null && !shared.isBlank(),
                "system property " + PROPERTY + " is not set; skipping the ESCO-scale test");
        Path dir = Path.of(shared, "esco-v1.1.1");
        assumeTrue(Files.isRegularFile(dir.resolve("skills_en.csv")),
                "no ESCO data at " + dir + "; skipping the ESCO-scale test");
        return dir;
    }
}
