package nl.werkmatch.matcher.taxonomy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A minimal ESCO v1.1.1 reader for tests at ESCO scale: skills, skill groups, the skill hierarchy, related
 * skills and occupation labels, in English. Stands in until the real ESCO loader is merged. Tests calling
 * {@link #taxonomy()} are skipped when the shared data is absent.
 */
final class EscoTestData {
    static final String PROPERTY = "werkmatch.shared.data";

    private static SkillTaxonomy cached;

    private EscoTestData() {
    }

    /** The ESCO taxonomy, loaded once per test JVM; skips the calling test when the data is not there. */
    static synchronized SkillTaxonomy taxonomy() throws IOException {
        if (cached == null) {
            cached = load(directory());
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

    private static SkillTaxonomy load(Path dir) throws IOException {
        SkillTaxonomy.Builder b = SkillTaxonomy.builder("esco", "1.1.1", "en");
        read(dir.resolve("skillGroups_en.csv"), row -> b.addConcept(row.get("conceptUri"), SkillType.GROUP,
                Map.of("en", row.get("preferredLabel")), alt(row), List.of(), List.of()));
        read(dir.resolve("skills_en.csv"), row -> b.addConcept(row.get("conceptUri"),
                "knowledge".equals(row.get("skillType")) ? SkillType.KNOWLEDGE : SkillType.SKILL,
                Map.of("en", row.get("preferredLabel")), alt(row), List.of(), List.of()));
        read(dir.resolve("broaderRelationsSkillPillar.csv"), row -> {
            if (b.hasConcept(row.get("conceptUri")) && b.hasConcept(row.get("broaderUri"))) {
                b.addBroader(row.get("conceptUri"), row.get("broaderUri"));
            }
        });
        read(dir.resolve("skillSkillRelations.csv"), row -> {
            if (b.hasConcept(row.get("originalSkillUri")) && b.hasConcept(row.get("relatedSkillUri"))) {
                b.addRelated(row.get("originalSkillUri"), row.get("relatedSkillUri"));
            }
        });
        Path occupations = dir.resolve("occupations_en.csv");
        if (Files.isRegularFile(occupations)) {
            read(occupations, row -> b.addOccupation(row.get("conceptUri"), Map.of("en", row.get("preferredLabel")),
                    alt(row), blankToNull(row.get("iscoGroup")), null));
        }
        return b.build();
    }

    private static Map<String, List<String>> alt(Map<String, String> row) {
        String field = row.get("altLabels");
        if (field == null || field.isBlank()) {
            return Map.of();
        }
        List<String> labels = new ArrayList<>();
        for (String line : field.split("\n")) {
            if (!line.isBlank()) {
                labels.add(line.strip());
            }
        }
        return Map.of("en", labels);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void read(Path file, Consumer<Map<String, String>> rows) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            while (it.hasNext()) {
                rows.accept(it.next());
            }
        }
    }
}
