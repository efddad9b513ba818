package nl.werkmatch.matcher.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/**
 * Everything that decides a ranking and can be tuned: the component weights (query time), the similarity
 * credits and the evidence weights (index time: a data directory indexed with others is rebuilt or refused, see
 * {@code Matcher.Builder.onTaxonomyMismatch}). Read from and written to a small JSON "weights file", the output of
 * {@code werkmatch tune}:
 *
 * <pre>{@code
 * {"weights":    {"skills":0.5,"language":0.2,"distance":0.15,"level":0.05,"preference":0.1,"distancePivotKm":10},
 *  "similarity": {"narrower":0.9,"broader":0.5,"sibling":0.3,"related":0.5,"maxDepth":3,"maxNeighbours":64},
 *  "evidence":   {"declared":0.8,"assessed":0.9,"certified":1.0,"inferred":0.7,"experienceEssential":0.8,
 *                 "experienceImportant":0.6,"experienceOptional":0.4,"maxCoveredSkills":128}}
 * }</pre>
 *
 * <p>Every section and every field is optional and defaults to the library's default; when the {@code weights}
 * section is given, its five component weights must all be given and sum to 1. Use it with
 * {@code Matcher.builder().ranking(RankingSettings.read(path))}.
 */
public record RankingSettings(ScoringWeights weights, SkillSimilarity.Config similarity, EvidenceWeights evidence) {

    /** The library's defaults. */
    public static final RankingSettings DEFAULT =
            new RankingSettings(ScoringWeights.DEFAULT, SkillSimilarity.Config.DEFAULT, EvidenceWeights.DEFAULT);

    /** A weights file is a few hundred bytes; anything much larger is not one. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECTIONS = List.of("weights", "similarity", "evidence");
    private static final List<String> COMPONENTS = List.of("skills", "language", "distance", "level", "preference");
    private static final List<String> WEIGHT_FIELDS = List.of("skills", "language", "distance", "level", "preference",
            "distancePivotKm");
    private static final List<String> SIMILARITY_FIELDS = List.of("narrower", "broader", "sibling", "related",
            "maxDepth", "maxNeighbours");
    private static final List<String> EVIDENCE_FIELDS = List.of("declared", "assessed", "certified", "inferred",
            "experienceEssential", "experienceImportant", "experienceOptional", "maxCoveredSkills");

    /** Checks that all three parts are given; throws InvalidInputException naming a missing one. */
    public RankingSettings {
        List<Problem> missing = new ArrayList<>();
        if (weights == null) {
            missing.add(new Problem("weights", "missing (null)"));
        }
        if (similarity == null) {
            missing.add(new Problem("similarity", "missing (null)"));
        }
        if (evidence == null) {
            missing.add(new Problem("evidence", "missing (null)"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
    }

    /** These settings with other component weights. */
    public RankingSettings withWeights(ScoringWeights value) {
        return new RankingSettings(value, similarity, evidence);
    }

    /** These settings with other similarity credits. */
    public RankingSettings withSimilarity(SkillSimilarity.Config value) {
        return new RankingSettings(weights, value, evidence);
    }

    /** These settings with other evidence weights. */
    public RankingSettings withEvidence(EvidenceWeights value) {
        return new RankingSettings(weights, similarity, value);
    }

    /**
     * Reads a weights file. Throws {@link InvalidInputException} listing every problem with its path
     * ({@code weights.skills: must be a number from 0 to 1, got "high"}), and IOException when the file cannot be
     * read.
     */
    public static RankingSettings read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new InvalidInputException("", "a weights file is at most " + MAX_FILE_BYTES + " bytes; " + file
                    + " has " + size);
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the text of a weights file; see {@link #read(Path)}. */
    public static RankingSettings parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : String.format(Locale.ROOT, " at line %d, column %d",
                    e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw new InvalidInputException("", "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("", "a weights file must be a JSON object with sections " + SECTIONS);
        }
        unknownFields((ObjectNode) root, "", SECTIONS, problems);
        Section w = section(root, "weights", WEIGHT_FIELDS, problems);
        Section s = section(root, "similarity", SIMILARITY_FIELDS, problems);
        Section e = section(root, "evidence", EVIDENCE_FIELDS, problems);

        ScoringWeights dw = ScoringWeights.DEFAULT;
        double[] comp = new double[COMPONENTS.size()];
        boolean anyComponent = false;
        for (int i = 0; i < comp.length; i++) {
            anyComponent |= w.has(COMPONENTS.get(i));
        }
        for (int i = 0; i < comp.length; i++) {
            String name = COMPONENTS.get(i);
            if (anyComponent && !w.has(name)) {
                problems.add(new Problem("weights." + name, "missing; give all five component weights (they sum to 1)"));
            }
            comp[i] = w.number(name, dw.weight(Component.values()[i]), 0, 1, problems);
        }
        double pivot = w.number("distancePivotKm", dw.distancePivotKm(), 0, 1000, problems);
        if (w.has("distancePivotKm") && pivot == 0) {
            problems.add(new Problem("weights.distancePivotKm", "must be more than 0 km"));
        }
        double sum = 0;
        for (double x : comp) {
            sum += x;
        }
        // toJson rounds each of the five to 6 decimals, so a file it wrote may be off by up to 2.5e-6
        if (anyComponent && problems.isEmpty() && Math.abs(sum - 1) > 5e-6) {
            problems.add(new Problem("weights", String.format(Locale.ROOT,
                    "the five component weights must sum to 1, got %.6f", sum)));
        }

        SkillSimilarity.Config ds = SkillSimilarity.Config.DEFAULT;
        double narrower = s.number("narrower", ds.narrower(), 0, 1, problems);
        double broader = s.number("broader", ds.broader(), 0, 1, problems);
        double sibling = s.number("sibling", ds.sibling(), 0, 1, problems);
        double related = s.number("related", ds.related(), 0, 1, problems);
        int maxDepth = s.integer("maxDepth", ds.maxDepth(), 0, 16, problems);
        int maxNeighbours = s.integer("maxNeighbours", ds.maxNeighbours(), 1, 65_536, problems);
        if (broader > narrower) {
            problems.add(new Problem("similarity.broader", "must not exceed narrower (" + narrower + "): having the "
                    + "specific skill covers a general ask at least as well as the reverse"));
        }

        EvidenceWeights de = EvidenceWeights.DEFAULT;
        double declared = e.credit("declared", de.declared(), problems);
        double assessed = e.credit("assessed", de.assessed(), problems);
        double certified = e.credit("certified", de.certified(), problems);
        double inferred = e.credit("inferred", de.inferred(), problems);
        double expEssential = e.credit("experienceEssential", de.experienceEssential(), problems);
        double expImportant = e.credit("experienceImportant", de.experienceImportant(), problems);
        double expOptional = e.credit("experienceOptional", de.experienceOptional(), problems);
        int maxCovered = e.integer("maxCoveredSkills", de.maxCoveredSkills(), 1, 100_000, problems);

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Scale away rounding in a hand-written file (0.333 + 0.333 + 0.334 ...); the sum was checked above.
        ScoringWeights weights = anyComponent && Math.abs(sum - 1) > 1e-9
                ? ScoringWeights.normalized(comp[0], comp[1], comp[2], comp[3], comp[4], pivot)
                : anyComponent ? new ScoringWeights(comp[0], comp[1], comp[2], comp[3], comp[4], pivot)
                : new ScoringWeights(dw.skills(), dw.language(), dw.distance(), dw.level(), dw.preference(), pivot);
        return new RankingSettings(weights,
                new SkillSimilarity.Config(narrower, broader, sibling, related, maxDepth, maxNeighbours),
                new EvidenceWeights(declared, assessed, certified, inferred, expEssential, expImportant, expOptional,
                        maxCovered));
    }

    /** The weights file of these settings, every field written, one section per line. */
    public String toJson() {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("skills", round(weights.skills()));
        w.put("language", round(weights.language()));
        w.put("distance", round(weights.distance()));
        w.put("level", round(weights.level()));
        w.put("preference", round(weights.preference()));
        w.put("distancePivotKm", weights.distancePivotKm());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("narrower", similarity.narrower());
        s.put("broader", similarity.broader());
        s.put("sibling", similarity.sibling());
        s.put("related", similarity.related());
        s.put("maxDepth", similarity.maxDepth());
        s.put("maxNeighbours", similarity.maxNeighbours());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("declared", evidence.declared());
        e.put("assessed", evidence.assessed());
        e.put("certified", evidence.certified());
        e.put("inferred", evidence.inferred());
        e.put("experienceEssential", evidence.experienceEssential());
        e.put("experienceImportant", evidence.experienceImportant());
        e.put("experienceOptional", evidence.experienceOptional());
        e.put("maxCoveredSkills", evidence.maxCoveredSkills());
        try {
            return "{\"weights\": " + JSON.writeValueAsString(w) + ",\n \"similarity\": " + JSON.writeValueAsString(s)
                    + ",\n \"evidence\": " + JSON.writeValueAsString(e) + "}\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Writes {@link #toJson()} to a file, replacing it. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** Whether these settings index documents differently from {@code other} (not only rank them differently). */
    public boolean changesIndex(RankingSettings other) {
        return !similarity.equals(other.similarity) || !evidence.equals(other.evidence);
    }

    /** Six decimals are finer than any ranking difference and keep the file readable. */
    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    private static void unknownFields(ObjectNode node, String parent, List<String> allowed, List<Problem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                problems.add(new Problem(parent.isEmpty() ? name : parent + "." + name,
                        "unknown field; the known ones are " + String.join(", ", allowed)));
            }
        }
    }

    private static Section section(JsonNode root, String name, List<String> fields, List<Problem> problems) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return new Section(name, null);
        }
        if (!node.isObject()) {
            problems.add(new Problem(name, "must be an object with fields " + String.join(", ", fields)));
            return new Section(name, null);
        }
        unknownFields((ObjectNode) node, name, fields, problems);
        return new Section(name, (ObjectNode) node);
    }

    /** One section of the file, possibly absent. */
    private record Section(String name, ObjectNode node) {
        boolean has(String field) {
            return node != null && node.has(field) && !node.get(field).isNull();
        }

        double number(String field, double fallback, double min, double max, List<Problem> problems) {
            if (!has(field)) {
                return fallback;
            }
            JsonNode v = node.get(field);
            if (!v.isNumber() || !(v.doubleValue() >= min && v.doubleValue() <= max)) {
                problems.add(new Problem(name + "." + field, "must be a number from " + plain(min) + " to " + plain(max)
                        + ", got " + v));
                return fallback;
            }
            return v.doubleValue();
        }

        /** An evidence weight: more than 0 (evidence that counts nothing is no evidence), at most 1. */
        double credit(String field, double fallback, List<Problem> problems) {
            double x = number(field, fallback, 0, 1, problems);
            if (has(field) && x == 0) {
                problems.add(new Problem(name + "." + field, "must be more than 0"));
                return fallback;
            }
            return x;
        }

        int integer(String field, int fallback, int min, int max, List<Problem> problems) {
            if (!has(field)) {
                return fallback;
            }
            JsonNode v = node.get(field);
            if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
                problems.add(new Problem(name + "." + field, "must be a whole number from " + min + " to " + max
                        + ", got " + v));
                return fallback;
            }
            return v.intValue();
        }

        private static String plain(double x) {
            return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        }
    }
}
