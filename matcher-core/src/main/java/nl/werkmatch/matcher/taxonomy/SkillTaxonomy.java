package nl.werkmatch.matcher.taxonomy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;

import nl.werkmatch.matcher.model.Importance;

/**
 * An immutable skill taxonomy: skills, knowledge areas and groups ("concepts") with dense int indexes
 * {@code 0..size()-1}, a broader/narrower hierarchy, related skills, labels per language, and occupations with
 * their skills at three relevance levels. Thread-safe.
 *
 * <p>The {@link #fingerprint()} covers what scoring depends on (ids, types, hierarchy, relations, occupation
 * skills), not labels, so adding a translation does not force an index rebuild.
 */
public final class SkillTaxonomy {
    private static final int[] NONE = new int[0];

    private final String id;
    private final String version;
    private final String defaultLanguage;

    private final String[] conceptIds;
    private final SkillType[] types;
    private final IdIndex conceptIndex;
    private final Map<String, String[]> labels;          // language -> label per concept (null where missing)
    private final Map<String, String[][]> altLabels;     // language -> alt labels per concept (null where none)
    private final int[][] broader;
    private final int[][] narrower;
    private final int[][] related;
    private final int[] typeCounts;

    private final String[] occupationIds;
    private final IdIndex occupationIndex;
    private final Map<String, String[]> occupationLabels;
    private final Map<String, String[][]> occupationAltLabels;
    private final String[] isco;
    private final String[] sectors;
    private final int[][][] occupationSkills;            // [occupation][importance ordinal] -> concept indexes

    private final Set<String> languages;
    private final String fingerprint;

    private SkillTaxonomy(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.defaultLanguage = b.defaultLanguage;
        int n = b.concepts.size();
        conceptIds = new String[n];
        types = new SkillType[n];
        int i = 0;
        for (ConceptDraft c : b.concepts.values()) {
            conceptIds[i] = c.id();
            types[i] = c.type();
            i++;
        }
        conceptIndex = new IdIndex(conceptIds);
        typeCounts = new int[SkillType.values().length];
        for (SkillType t : types) {
            typeCounts[t.ordinal()]++;
        }
        List<String> problems = new ArrayList<>();
        broader = new int[n][];
        related = new int[n][];
        i = 0;
        for (ConceptDraft c : b.concepts.values()) {
            broader[i] = resolve(c.broader(), conceptIndex, "concept " + c.id() + " broader", problems);
            related[i] = resolve(c.related(), conceptIndex, "concept " + c.id() + " related", problems);
            i++;
        }
        narrower = invert(broader, n);
        labels = packLabels(b.concepts.values().stream().map(c -> c.labels()).toList(), n);
        altLabels = packAltLabels(b.concepts.values().stream().map(c -> c.altLabels()).toList(), n);

        int m = b.occupations.size();
        occupationIds = new String[m];
        isco = new String[m];
        sectors = new String[m];
        occupationSkills = new int[m][][];
        i = 0;
        for (OccupationDraft o : b.occupations.values()) {
            occupationIds[i] = o.id();
            isco[i] = o.isco();
            sectors[i] = o.sector();
            occupationSkills[i] = new int[Importance.values().length][];
            for (Importance imp : Importance.values()) {
                occupationSkills[i][imp.ordinal()] = resolve(o.skills().getOrDefault(imp, List.of()), conceptIndex,
                        "occupation " + o.id() + " skills", problems);
            }
            i++;
        }
        occupationIndex = new IdIndex(occupationIds);
        occupationLabels = packLabels(b.occupations.values().stream().map(o -> o.labels()).toList(), m);
        occupationAltLabels = packAltLabels(b.occupations.values().stream().map(o -> o.altLabels()).toList(), m);

        String cycle = findCycle();
        if (cycle != null) {
            problems.add("broader relations form a cycle: " + cycle);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid taxonomy " + id + ": " + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? " (and " + (problems.size() - 20) + " more)" : ""));
        }
        Set<String> langs = new LinkedHashSet<>();
        langs.add(defaultLanguage);
        langs.addAll(labels.keySet());
        langs.addAll(occupationLabels.keySet());
        languages = Collections.unmodifiableSet(langs);
        fingerprint = computeFingerprint();
    }

    /** A builder for a taxonomy with this id, version and default label language. */
    public static Builder builder(String id, String version, String defaultLanguage) {
        return new Builder(id, version, defaultLanguage);
    }

    // ---- identity

    /** The taxonomy's id, recorded in every data directory indexed with it. */
    public String id() { return id; }
    /** The taxonomy's version. */
    public String version() { return version; }
    /** The language every concept has a label in. */
    public String defaultLanguage() { return defaultLanguage; }
    /** Languages with at least one label, the default language first. */
    public Set<String> languages() { return languages; }
    /** A hex SHA-256 of everything scoring depends on; equal fingerprints score identically. */
    public String fingerprint() { return fingerprint; }

    // ---- concepts

    /** Number of concepts (skills, knowledge areas and groups). */
    public int size() { return conceptIds.length; }
    /** How many concepts are of this type. */
    public int count(SkillType type) { return typeCounts[type.ordinal()]; }
    /** The dense index of a concept id, or -1 when unknown. */
    public int indexOf(String conceptId) {
        return conceptId == null ? -1 : conceptIndex.indexOf(conceptId);
    }

    /** The id of the concept at a dense index. */
    public String conceptId(int index) { return conceptIds[index]; }
    /** The type of the concept at a dense index. */
    public SkillType type(int index) { return types[index]; }
    /** The label in the given language, else in the default language, else any label, else the id. */
    public String label(int index, String language) {
        return pick(labels, index, language, conceptIds[index]);
    }

    /** The label in exactly this language, or null. */
    public String labelIn(int index, String language) {
        String[] l = labels.get(language);
        return l == null ? null : l[index];
    }

    /** The alternative labels in a language, possibly none. */
    public List<String> altLabels(int index, String language) {
        String[][] a = altLabels.get(language);
        return a == null || a[index] == null ? List.of() : List.of(a[index]);
    }

    /** The broader concepts of a concept (dense indexes; a copy). */
    public int[] broader(int index) { return broader[index].clone(); }
    /** The narrower concepts of a concept (dense indexes; a copy). */
    public int[] narrower(int index) { return narrower[index].clone(); }
    /** The related concepts of a concept (dense indexes; a copy). */
    public int[] related(int index) { return related[index].clone(); }

    // package-private zero-copy views for the similarity and search code in this package
    int[] broaderView(int index) { return broader[index]; }

    int[] narrowerView(int index) { return narrower[index]; }

    int[] relatedView(int index) { return related[index]; }

    // ---- occupations

    /** Number of occupations. */
    public int occupationCount() { return occupationIds.length; }
    /** The dense index of an occupation id, or -1 when unknown. */
    public int occupationIndexOf(String occupationId) {
        return occupationId == null ? -1 : occupationIndex.indexOf(occupationId);
    }

    /** The id of the occupation at a dense index. */
    public String occupationId(int occupation) { return occupationIds[occupation]; }
    /** The occupation's label in the given language, else in the default language, else its id. */
    public String occupationLabel(int occupation, String language) {
        return pick(occupationLabels, occupation, language, occupationIds[occupation]);
    }

    /** The occupation's label in exactly this language, or null. */
    public String occupationLabelIn(int occupation, String language) {
        String[] l = occupationLabels.get(language);
        return l == null ? null : l[occupation];
    }

    /** The occupation's alternative labels in a language, possibly none. */
    public List<String> occupationAltLabels(int occupation, String language) {
        String[][] a = occupationAltLabels.get(language);
        return a == null || a[occupation] == null ? List.of() : List.of(a[occupation]);
    }

    /** The ISCO-08 code (up to 4 digits), or null when unknown. */
    public String isco(int occupation) { return isco[occupation]; }
    /** A sector slug, or null when the taxonomy has none. */
    public String sector(int occupation) { return sectors[occupation]; }
    /** The concept indexes of an occupation's skills at one relevance level. */
    public int[] occupationSkills(int occupation, Importance relevance) {
        return occupationSkills[occupation][relevance.ordinal()].clone();
    }

    int[] occupationSkillsView(int occupation, Importance relevance) {
        return occupationSkills[occupation][relevance.ordinal()];
    }

    /** Number of occupation-skill relations over all occupations and levels. */
    public int occupationSkillRelationCount() {
        int total = 0;
        for (int[][] perLevel : occupationSkills) {
            for (int[] s : perLevel) {
                total += s.length;
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "SkillTaxonomy[" + id + " v" + version + ", " + size() + " concepts, " + occupationCount()
                + " occupations, fingerprint " + fingerprint.substring(0, 12) + "]";
    }

    // ---- internals

    private String pick(Map<String, String[]> byLanguage, int index, String language, String fallback) {
        String[] l = language == null ? null : byLanguage.get(language);
        if (l != null && l[index] != null) {
            return l[index];
        }
        l = byLanguage.get(defaultLanguage);
        if (l != null && l[index] != null) {
            return l[index];
        }
        for (String[] any : byLanguage.values()) {
            if (any[index] != null) {
                return any[index];
            }
        }
        return fallback;
    }

    private static int[] resolve(List<String> ids, IdIndex index, String where, List<String> problems) {
        if (ids.isEmpty()) {
            return NONE;
        }
        int[] out = new int[ids.size()];
        int k = 0;
        for (String ref : ids) {
            int i = index.indexOf(ref);
            if (i < 0) {
                problems.add(where + ": unknown concept \"" + ref + "\"");
            } else {
                out[k++] = i;
            }
        }
        int[] sorted = Arrays.stream(out, 0, k).sorted().distinct().toArray();
        return sorted.length == 0 ? NONE : sorted;
    }

    private static int[][] invert(int[][] edges, int n) {
        int[] counts = new int[n];
        for (int[] e : edges) {
            for (int t : e) {
                counts[t]++;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = counts[i] == 0 ? NONE : new int[counts[i]];
        }
        int[] fill = new int[n];
        for (int s = 0; s < n; s++) {
            for (int t : edges[s]) {
                out[t][fill[t]++] = s;   // ascending s, so each list is sorted
            }
        }
        return out;
    }

    private static Map<String, String[]> packLabels(List<Map<String, String>> perItem, int n) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, String> e : perItem.get(i).entrySet()) {
                out.computeIfAbsent(e.getKey(), k -> new String[n])[i] = e.getValue();
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String[][]> packAltLabels(List<Map<String, List<String>>> perItem, int n) {
        Map<String, String[][]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, List<String>> e : perItem.get(i).entrySet()) {
                if (!e.getValue().isEmpty()) {
                    out.computeIfAbsent(e.getKey(), k -> new String[n][])[i] = e.getValue().toArray(String[]::new);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The first cycle in the broader relations as "a -> b -> a" (ids), or null when there is none. */
    private String findCycle() {
        List<int[]> cycles = Cycles.find(broader);
        if (cycles.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int c : cycles.get(0)) {
            sb.append(conceptIds[c]).append(" -> ");
        }
        return sb.append(conceptIds[cycles.get(0)[0]]).toString();
    }

    private String computeFingerprint() {
        Hasher h = Hashing.sha256().newHasher();
        for (int i = 0; i < conceptIds.length; i++) {
            h.putString(conceptIds[i], StandardCharsets.UTF_8).putInt(types[i].ordinal());
            putRefs(h, broader[i]);
            putRefs(h, related[i]);
        }
        h.putInt(-1);
        for (int o = 0; o < occupationIds.length; o++) {
            h.putString(occupationIds[o], StandardCharsets.UTF_8)
                    .putString(Objects.toString(isco[o], ""), StandardCharsets.UTF_8)
                    .putString(Objects.toString(sectors[o], ""), StandardCharsets.UTF_8);
            for (int[] level : occupationSkills[o]) {
                putRefs(h, level);
            }
        }
        return h.hash().toString();
    }

    private static void putRefs(Hasher h, int[] refs) {
        h.putInt(refs.length);
        for (int r : refs) {
            h.putInt(r);
        }
    }

    // ---- building

    /**
     * Collects concepts and occupations, then {@link #build()}s an immutable taxonomy. Loaders validate their
     * input with paths before calling this; {@code build()} still refuses dangling references and cycles.
     * Concept indexes follow insertion order.
     */
    public static final class Builder {
        private final String id;
        private final String version;
        private final String defaultLanguage;
        private final LinkedHashMap<String, ConceptDraft> concepts = new LinkedHashMap<>();
        private final LinkedHashMap<String, OccupationDraft> occupations = new LinkedHashMap<>();

        private Builder(String id, String version, String defaultLanguage) {
            this.id = Objects.requireNonNull(id, "id");
            this.version = Objects.requireNonNull(version, "version");
            this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        }

        /** Adds a concept; labels and altLabels are keyed by language code. Throws on a duplicate id. */
        public Builder addConcept(String conceptId, SkillType type, Map<String, String> labels,
                                  Map<String, List<String>> altLabels, List<String> broader, List<String> related) {
            ConceptDraft c = new ConceptDraft(conceptId, type, copy(labels), copyLists(altLabels),
                    new ArrayList<>(broader), new ArrayList<>(related));
            if (concepts.putIfAbsent(conceptId, c) != null) {
                throw new IllegalArgumentException("duplicate concept id " + conceptId);
            }
            return this;
        }

        /** Whether a concept with this id was added. */
        public boolean hasConcept(String conceptId) {
            return concepts.containsKey(conceptId);
        }

        /** Adds a broader link to a concept added before. */
        public Builder addBroader(String conceptId, String broaderId) {
            draft(conceptId).broader().add(broaderId);
            return this;
        }

        /** Adds a related link to a concept added before. */
        public Builder addRelated(String conceptId, String relatedId) {
            draft(conceptId).related().add(relatedId);
            return this;
        }

        /** Adds an occupation with no skills yet; isco and sector may be null. Throws on a duplicate id. */
        public Builder addOccupation(String occupationId, Map<String, String> labels, Map<String, List<String>> altLabels,
                                     String isco, String sector) {
            OccupationDraft o = new OccupationDraft(occupationId, copy(labels), copyLists(altLabels), isco, sector);
            if (occupations.putIfAbsent(occupationId, o) != null) {
                throw new IllegalArgumentException("duplicate occupation id " + occupationId);
            }
            return this;
        }

        /** Whether an occupation with this id was added. */
        public boolean hasOccupation(String occupationId) {
            return occupations.containsKey(occupationId);
        }

        /** Links a skill to an occupation added before, at one relevance level. */
        public Builder addOccupationSkill(String occupationId, String conceptId, Importance relevance) {
            OccupationDraft o = occupations.get(occupationId);
            if (o == null) {
                throw new IllegalArgumentException("unknown occupation " + occupationId);
            }
            o.skills().computeIfAbsent(relevance, k -> new ArrayList<>()).add(conceptId);
            return this;
        }

        /** Adds labels in a further language to a concept added before (for example from skills_nl.csv). */
        public Builder addLabels(String conceptId, String language, String label, List<String> alt) {
            ConceptDraft c = draft(conceptId);
            if (label != null) {
                c.labels().put(language, label);
            }
            if (alt != null && !alt.isEmpty()) {
                c.altLabels().put(language, List.copyOf(alt));
            }
            return this;
        }

        /** Adds labels in a further language to an occupation added before. */
        public Builder addOccupationLabels(String occupationId, String language, String label, List<String> alt) {
            OccupationDraft o = occupations.get(occupationId);
            if (o == null) {
                throw new IllegalArgumentException("unknown occupation " + occupationId);
            }
            if (label != null) {
                o.labels().put(language, label);
            }
            if (alt != null && !alt.isEmpty()) {
                o.altLabels().put(language, List.copyOf(alt));
            }
            return this;
        }

        /** The taxonomy; throws when a reference is dangling or the hierarchy has a cycle. */
        public SkillTaxonomy build() {
            return new SkillTaxonomy(this);
        }

        private ConceptDraft draft(String conceptId) {
            ConceptDraft c = concepts.get(conceptId);
            if (c == null) {
                throw new IllegalArgumentException("unknown concept " + conceptId);
            }
            return c;
        }

        private static Map<String, String> copy(Map<String, String> m) {
            return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
        }

        private static Map<String, List<String>> copyLists(Map<String, List<String>> m) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (m != null) {
                m.forEach((k, v) -> out.put(k, List.copyOf(v)));
            }
            return out;
        }
    }
}
