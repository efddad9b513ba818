package nl.werkmatch.matcher.taxonomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.model.Importance;

/**
 * Loads the ESCO classification from its CSV distribution (a directory as published by the European Commission,
 * v1.1.1, English plus any further languages present). Concept ids are the ESCO concept URIs.
 *
 * <ul>
 *   <li>{@code skills_en.csv}: skills and knowledge; skillType "skill/competence" is {@link SkillType#SKILL},
 *       "knowledge" {@link SkillType#KNOWLEDGE}. A few ESCO concepts (DigComp competence areas) have no skillType;
 *       they load as SKILL and are counted in {@link Result#untypedSkills()}.</li>
 *   <li>{@code skillGroups_en.csv}: hierarchy nodes, as {@link SkillType#GROUP}.</li>
 *   <li>{@code broaderRelationsSkillPillar.csv}: the hierarchy; rows naming a concept in neither file are skipped
 *       and counted.</li>
 *   <li>{@code skillSkillRelations.csv}: related skills, essential and optional alike, in the given direction.</li>
 *   <li>{@code occupations_en.csv}: occupations with their 4-digit ISCO-08 group; no sector.</li>
 *   <li>{@code occupationSkillRelations.csv}: essential is {@link Importance#ESSENTIAL}, optional
 *       {@link Importance#OPTIONAL}; rows naming an unknown occupation or skill are skipped and counted.</li>
 *   <li>{@code skills_xx.csv}, {@code skillGroups_xx.csv}, {@code occupations_xx.csv} for other languages xx add
 *       labels in xx.</li>
 * </ul>
 * Alternative labels are the newline-separated {@code altLabels} field, without repeats and without the
 * preferred label. Columns are found by header name. Files are streamed, never read whole into memory.
 */
public final class EscoLoader {
    /** The id of a taxonomy loaded from ESCO. */
    public static final String TAXONOMY_ID = "esco";
    /** The ESCO version this loader reads. */
    public static final String VERSION = "1.1.1";
    /** ESCO's labels are complete in English. */
    public static final String DEFAULT_LANGUAGE = "en";

    static final String SKILLS = "skills_en.csv";
    static final String SKILL_GROUPS = "skillGroups_en.csv";
    static final String BROADER = "broaderRelationsSkillPillar.csv";
    static final String RELATED = "skillSkillRelations.csv";
    static final String OCCUPATIONS = "occupations_en.csv";
    static final String OCCUPATION_SKILLS = "occupationSkillRelations.csv";
    private static final List<String> REQUIRED = List.of(SKILLS, SKILL_GROUPS, BROADER, RELATED, OCCUPATIONS,
            OCCUPATION_SKILLS);

    private static final Pattern TRANSLATION =
            Pattern.compile("(skills|skillGroups|occupations)_([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\\.csv");
    private static final Pattern ISCO = Pattern.compile("[0-9]{1,4}");
    private static final int PROGRESS_EVERY = 25_000;

    /**
     * A loaded taxonomy with what the loader had to skip or assume.
     *
     * @param untypedSkills           skills without a skillType, loaded as SKILL
     * @param skippedBroader          hierarchy rows naming a concept in neither skills nor skill groups
     * @param skippedRelated          related-skill rows naming an unknown skill
     * @param skippedOccupationSkills occupation-skill rows naming an unknown occupation or skill
     * @param skippedTranslations     rows of further-language files naming an unknown concept or occupation
     * @param elapsed                 wall-clock time of the load
     */
    public record Result(SkillTaxonomy taxonomy, int untypedSkills, int skippedBroader, int skippedRelated,
                         int skippedOccupationSkills, int skippedTranslations, Duration elapsed) {
        /** Checks that the taxonomy and the time taken are given. */
        public Result {
            Objects.requireNonNull(taxonomy, "taxonomy");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    private EscoLoader() {
    }

    /**
     * Loads ESCO from a directory holding its CSV files.
     *
     * @throws InvalidInputException when required files or columns are missing or values are malformed (each
     *                               problem with its file and row)
     * @throws IOException           when reading fails
     */
    public static SkillTaxonomy load(Path directory) throws IOException {
        return load(directory, message -> { }).taxonomy();
    }

    /**
     * Loads ESCO from a directory holding its CSV files, telling {@code progress} what it is doing (one line per
     * file, and every 25,000 rows of the large relation file). Takes a few seconds.
     */
    public static Result load(Path directory, Consumer<String> progress) throws IOException {
        return new Load(directory, progress).run();
    }

    /** The state of one load. */
    private static final class Load {
        private final Path dir;
        private final Consumer<String> progress;
        private final SkillTaxonomy.Builder builder =
                SkillTaxonomy.builder(TAXONOMY_ID, VERSION, DEFAULT_LANGUAGE);
        private final List<Problem> problems = new ArrayList<>();
        private final StringPool strings = new StringPool();
        private int untyped;
        private int skippedBroader;
        private int skippedRelated;
        private int skippedOccupationSkills;
        private int skippedTranslations;

        Load(Path dir, Consumer<String> progress) {
            this.dir = Objects.requireNonNull(dir, "directory");
            this.progress = Objects.requireNonNull(progress, "progress");
        }

        Result run() throws IOException {
            long start = System.nanoTime();
            checkFiles();
            readConcepts(SKILLS, true);
            readConcepts(SKILL_GROUPS, false);
            readBroader();
            readRelated();
            readOccupations();
            readOccupationSkills();
            readTranslations();
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            SkillTaxonomy taxonomy;
            try {
                taxonomy = builder.build();
            } catch (IllegalArgumentException e) {   // a broader cycle: the files are inconsistent
                throw new InvalidInputException(BROADER, e.getMessage());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            progress.accept(String.format(Locale.ROOT, "ESCO %s loaded in %.1f s: %s", VERSION,
                    elapsed.toMillis() / 1000.0, taxonomy));
            return new Result(taxonomy, untyped, skippedBroader, skippedRelated, skippedOccupationSkills,
                    skippedTranslations, elapsed);
        }

        private void checkFiles() {
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException("", "not a directory: " + dir);
            }
            List<Problem> missing = new ArrayList<>();
            for (String f : REQUIRED) {
                if (!Files.isRegularFile(dir.resolve(f))) {
                    missing.add(new Problem(f, "missing from " + dir + "; the ESCO CSV distribution has "
                            + String.join(", ", REQUIRED)));
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
        }

        /** The row's concept URI, or null (and a problem) when it is empty or was listed before. */
        private String newId(CsvRows rows, int uri, java.util.function.Predicate<String> seen, String kind, String where) {
            String id = rows.get(uri).strip();
            if (id.isEmpty()) {
                problem(rows, "conceptUri is empty");
                return null;
            }
            if (seen.test(id)) {
                problem(rows, kind + " " + id + " is listed twice" + where);
                return null;
            }
            return id;
        }

        private void readConcepts(String file, boolean skills) throws IOException {
            try (CsvRows rows = CsvRows.open(dir.resolve(file))) {
                int uri = require(rows, "conceptUri");
                int label = require(rows, "preferredLabel");
                int type = skills ? require(rows, "skillType") : -1;
                int alt = rows.column("altLabels");
                if (uri < 0 || label < 0 || (skills && type < 0)) {
                    return;
                }
                int count = 0;
                while (rows.next()) {
                    String id = newId(rows, uri, builder::hasConcept, "concept", " (in skills or skill groups)");
                    if (id == null) {
                        continue;
                    }
                    SkillType skillType = SkillType.GROUP;
                    if (skills) {
                        skillType = skillType(rows, rows.get(type).strip());
                        if (skillType == null) {
                            continue;
                        }
                    }
                    String preferred = label(rows.get(label));
                    builder.addConcept(id, skillType, labels(preferred), altLabels(rows.get(alt), preferred),
                            List.of(), List.of());
                    count++;
                }
                progress.accept(String.format(Locale.ROOT, "%s: %,d %s", file, count,
                        skills ? "skills and knowledge" + (untyped > 0 ? " (" + untyped
                                + " without skillType, loaded as skill)" : "") : "skill groups"));
            }
        }

        private SkillType skillType(CsvRows rows, String value) {
            return switch (value) {
                case "skill/competence" -> SkillType.SKILL;
                case "knowledge" -> SkillType.KNOWLEDGE;
                case "" -> {
                    untyped++;
                    yield SkillType.SKILL;
                }
                default -> {
                    problem(rows, "skillType \"" + value + "\" is not one of skill/competence, knowledge");
                    yield null;
                }
            };
        }

        private void readBroader() throws IOException {
            try (CsvRows rows = CsvRows.open(dir.resolve(BROADER))) {
                int child = require(rows, "conceptUri");
                int parent = require(rows, "broaderUri");
                if (child < 0 || parent < 0) {
                    return;
                }
                int count = 0;
                while (rows.next()) {
                    String c = rows.get(child).strip();
                    String p = rows.get(parent).strip();
                    if (builder.hasConcept(c) && builder.hasConcept(p)) {
                        builder.addBroader(c, p);
                        count++;
                    } else {
                        skippedBroader++;
                    }
                }
                progress.accept(String.format(Locale.ROOT, "%s: %,d broader relations%s", BROADER, count,
                        skippedBroader == 0 ? "" : String.format(Locale.ROOT,
                                ", %,d skipped (concept in neither skills nor skill groups)", skippedBroader)));
            }
        }

        private void readRelated() throws IOException {
            try (CsvRows rows = CsvRows.open(dir.resolve(RELATED))) {
                int from = require(rows, "originalSkillUri");
                int to = require(rows, "relatedSkillUri");
                int kind = require(rows, "relationType");
                if (from < 0 || to < 0 || kind < 0) {
                    return;
                }
                int count = 0;
                while (rows.next()) {
                    String k = rows.get(kind).strip();
                    if (!k.equals("essential") && !k.equals("optional")) {
                        problem(rows, "relationType \"" + k + "\" is not one of essential, optional");
                        continue;
                    }
                    String a = rows.get(from).strip();
                    String b = rows.get(to).strip();
                    if (builder.hasConcept(a) && builder.hasConcept(b)) {
                        builder.addRelated(a, b);
                        count++;
                    } else {
                        skippedRelated++;
                    }
                }
                progress.accept(String.format(Locale.ROOT, "%s: %,d related-skill relations%s", RELATED, count,
                        skippedRelated == 0 ? "" : String.format(Locale.ROOT, ", %,d skipped (unknown skill)",
                                skippedRelated)));
            }
        }

        private void readOccupations() throws IOException {
            try (CsvRows rows = CsvRows.open(dir.resolve(OCCUPATIONS))) {
                int uri = require(rows, "conceptUri");
                int label = require(rows, "preferredLabel");
                int isco = require(rows, "iscoGroup");
                int alt = rows.column("altLabels");
                if (uri < 0 || label < 0 || isco < 0) {
                    return;
                }
                int count = 0;
                while (rows.next()) {
                    String id = newId(rows, uri, builder::hasOccupation, "occupation", "");
                    if (id == null) {
                        continue;
                    }
                    String code = rows.get(isco).strip();
                    if (!code.isEmpty() && !ISCO.matcher(code).matches()) {
                        problem(rows, "iscoGroup \"" + code + "\" is not an ISCO-08 code of 1 to 4 digits");
                        continue;
                    }
                    String preferred = label(rows.get(label));
                    // No sector: the ISCO major group is already isco(o).charAt(0), and calling it a sector would
                    // make every pair of, say, "Professionals" count as the same sector in the preference score.
                    builder.addOccupation(id, labels(preferred), altLabels(rows.get(alt), preferred),
                            code.isEmpty() ? null : strings.get(code), null);
                    count++;
                }
                progress.accept(String.format(Locale.ROOT, "%s: %,d occupations", OCCUPATIONS, count));
            }
        }

        private void readOccupationSkills() throws IOException {
            try (CsvRows rows = CsvRows.open(dir.resolve(OCCUPATION_SKILLS))) {
                int occupation = require(rows, "occupationUri");
                int skill = require(rows, "skillUri");
                int kind = require(rows, "relationType");
                if (occupation < 0 || skill < 0 || kind < 0) {
                    return;
                }
                int count = 0;
                while (rows.next()) {
                    if (rows.row() % PROGRESS_EVERY == 0) {
                        progress.accept(String.format(Locale.ROOT, "%s: %,d rows", OCCUPATION_SKILLS, rows.row()));
                    }
                    String k = rows.get(kind).strip();
                    Importance relevance = switch (k) {
                        case "essential" -> Importance.ESSENTIAL;
                        case "optional" -> Importance.OPTIONAL;
                        default -> null;
                    };
                    if (relevance == null) {
                        problem(rows, "relationType \"" + k + "\" is not one of essential, optional");
                        continue;
                    }
                    String o = rows.get(occupation).strip();
                    String s = rows.get(skill).strip();
                    if (builder.hasOccupation(o) && builder.hasConcept(s)) {
                        builder.addOccupationSkill(o, s, relevance);
                        count++;
                    } else {
                        skippedOccupationSkills++;
                    }
                }
                progress.accept(String.format(Locale.ROOT, "%s: %,d occupation-skill relations%s", OCCUPATION_SKILLS,
                        count, skippedOccupationSkills == 0 ? "" : String.format(Locale.ROOT,
                                ", %,d skipped (unknown occupation or skill)", skippedOccupationSkills)));
            }
        }

        private void readTranslations() throws IOException {
            Map<String, Path> files = new TreeMap<>();   // sorted, so that loads are reproducible
            try (Stream<Path> list = Files.list(dir)) {
                list.forEach(p -> {
                    Matcher m = TRANSLATION.matcher(p.getFileName().toString());
                    if (m.matches() && !m.group(2).equals(DEFAULT_LANGUAGE)) {
                        files.put(m.group(2) + "/" + m.group(1), p);
                    }
                });
            }
            for (Map.Entry<String, Path> e : files.entrySet()) {
                String language = e.getKey().substring(0, e.getKey().indexOf('/'));
                boolean occupations = e.getKey().endsWith("/occupations");
                readTranslation(e.getValue(), language, occupations);
            }
        }

        private void readTranslation(Path file, String language, boolean occupations) throws IOException {
            try (CsvRows rows = CsvRows.open(file)) {
                int uri = require(rows, "conceptUri");
                int label = require(rows, "preferredLabel");
                int alt = rows.column("altLabels");
                if (uri < 0 || label < 0) {
                    return;
                }
                int count = 0;
                int skipped = 0;
                while (rows.next()) {
                    String id = rows.get(uri).strip();
                    String preferred = label(rows.get(label));
                    List<String> alternatives = alternatives(rows.get(alt), preferred);
                    if (occupations && builder.hasOccupation(id)) {
                        builder.addOccupationLabels(id, language, preferred, alternatives);
                        count++;
                    } else if (!occupations && builder.hasConcept(id)) {
                        builder.addLabels(id, language, preferred, alternatives);
                        count++;
                    } else {
                        skipped++;
                    }
                }
                skippedTranslations += skipped;
                progress.accept(String.format(Locale.ROOT, "%s: %,d labels in %s%s", rows.fileName(), count, language,
                        skipped == 0 ? "" : String.format(Locale.ROOT, ", %,d skipped (unknown concept)", skipped)));
            }
        }

        // ---- helpers

        private int require(CsvRows rows, String column) {
            int c = rows.column(column);
            if (c < 0) {
                problems.add(new Problem(rows.fileName(), "missing column \"" + column + "\""));
            }
            return c;
        }

        private void problem(CsvRows rows, String message) {
            problems.add(new Problem(rows.fileName() + " row " + rows.row(), message));
        }

        private String label(String raw) {
            String s = raw.strip();
            return s.isEmpty() ? null : strings.get(s);
        }

        private static Map<String, String> labels(String preferred) {
            return preferred == null ? Map.of() : Map.of(DEFAULT_LANGUAGE, preferred);
        }

        private Map<String, List<String>> altLabels(String raw, String preferred) {
            List<String> alternatives = alternatives(raw, preferred);
            return alternatives.isEmpty() ? Map.of() : Map.of(DEFAULT_LANGUAGE, alternatives);
        }

        /** The altLabels field split on newlines, without blanks, repeats or the preferred label. */
        private List<String> alternatives(String raw, String preferred) {
            if (raw.isBlank()) {
                return List.of();
            }
            Set<String> out = new LinkedHashSet<>();
            for (String line : raw.split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.equals(preferred)) {
                    out.add(strings.get(s));
                }
            }
            return List.copyOf(out);
        }
    }

    /** Shares equal strings within one load (many labels repeat across concepts and languages). */
    private static final class StringPool {
        private final Map<String, String> pool = new HashMap<>();

        String get(String s) {
            String existing = pool.putIfAbsent(s, s);
            return existing == null ? s : existing;
        }
    }
}
