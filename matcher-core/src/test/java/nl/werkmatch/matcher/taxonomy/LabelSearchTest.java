package nl.werkmatch.matcher.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.taxonomy.LabelSearch.Kind;
import nl.werkmatch.matcher.taxonomy.LabelSearch.LabelHit;

class LabelSearchTest {

    private static SkillTaxonomy small() {
        SkillTaxonomy.Builder b = SkillTaxonomy.builder("test", "1", "nl");
        concept(b, "s-lassen", "Lassen", "Welding", Map.of("nl", List.of("Elektrisch lassen")), List.of());
        concept(b, "s-mig", "MIG/MAG-lassen", "MIG/MAG welding", Map.of(), List.of("s-lassen"));
        concept(b, "s-heftruck", "Heftruck rijden", "Forklift driving", Map.of(), List.of());
        concept(b, "s-kinderen", "Kinderen verzorgen", "Caring for children", Map.of("en", List.of("Childcare")), List.of());
        concept(b, "s-cafe", "Café bediening", "Café service", Map.of(), List.of());
        concept(b, "s-solderen", "Solderen", "Soldering", Map.of(), List.of());
        concept(b, "s-metaal", "Metaalbewerking", "Metalworking", Map.of("nl", List.of("Solderen en lassen", "Solderen")), List.of());
        b.addLabels("s-lassen", "ar", "اللحام", List.of("أعمال اللحام"));
        b.addLabels("s-lassen", "uk", "Зварювання", List.of());
        b.addOccupation("o-lasser", Map.of("nl", "Lasser", "en", "Welder"), Map.of("nl", List.of("Lasser MIG/MAG")), "7212", null);
        b.addOccupation("o-heftruck", Map.of("nl", "Heftruckchauffeur", "en", "Forklift driver"), Map.of(), "8344", null);
        return b.build();
    }

    private static void concept(SkillTaxonomy.Builder b, String id, String nl, String en, Map<String, List<String>> alt,
                                List<String> broader) {
        b.addConcept(id, SkillType.SKILL, Map.of("nl", nl, "en", en), alt, broader, List.of());
    }

    private static final LabelSearch SEARCH = LabelSearch.of(small());

    private static List<String> ids(List<LabelHit> hits) {
        return hits.stream().map(LabelHit::id).toList();
    }

    @Test
    void exactLabelRanksFirst() {
        List<LabelHit> hits = SEARCH.search("lassen", "nl", 10, Kind.SKILL);
        assertThat(ids(hits)).startsWith("s-lassen").contains("s-mig");
        assertThat(hits.get(0).label()).isEqualTo("Lassen");
        assertThat(hits.get(0).matchedLabel()).isEqualTo("Lassen");
        assertThat(hits.get(0).language()).isEqualTo("nl");
        assertThat(hits.get(0).kind()).isEqualTo(Kind.SKILL);
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());

        LabelHit welding = SEARCH.search("welding", "en", 10, Kind.SKILL).get(0);
        assertThat(welding.id()).isEqualTo("s-lassen");
        assertThat(welding.label()).isEqualTo("Welding");
        assertThat(welding.language()).isEqualTo("en");
    }

    @Test
    void typosStillFindTheLabelFirst() {
        assertThat(ids(SEARCH.search("lasen", "nl", 10, Kind.SKILL))).startsWith("s-lassen");
        assertThat(ids(SEARCH.search("weldng", "en", 10, Kind.SKILL))).startsWith("s-lassen");
        assertThat(ids(SEARCH.search("wleding", "en", 10, Kind.SKILL))).as("a transposition").startsWith("s-lassen");
        assertThat(ids(SEARCH.search("forklfit drivng", null, 10, Kind.ANY))).startsWith("s-heftruck");
    }

    @Test
    void inflectionCaseAndDiacritics() {
        assertThat(ids(SEARCH.search("heftrucks", "nl", 10, Kind.SKILL))).startsWith("s-heftruck");
        assertThat(ids(SEARCH.search("cafe", "nl", 10, Kind.SKILL))).startsWith("s-cafe");
        assertThat(ids(SEARCH.search("CAFÉ BEDIENING", "nl", 10, Kind.SKILL))).startsWith("s-cafe");
        assertThat(ids(SEARCH.search("welders", "en", 10, Kind.OCCUPATION))).startsWith("o-lasser");
        assertThat(ids(SEARCH.search("caring for a child", "en", 10, Kind.SKILL))).startsWith("s-kinderen");
    }

    @Test
    void otherScripts() {
        // Arabic: the article and the hamza on alef are normalised away
        assertThat(ids(SEARCH.search("لحام", "ar", 10, Kind.SKILL))).containsExactly("s-lassen");
        assertThat(ids(SEARCH.search("اعمال", "ar", 10, Kind.SKILL))).containsExactly("s-lassen");
        // Ukrainian has no stemmer in analysis-common: case, prefixes and typos still work
        assertThat(ids(SEARCH.search("ЗВАРЮВАННЯ", "uk", 10, Kind.SKILL))).containsExactly("s-lassen");
        assertThat(ids(SEARCH.search("зварю", null, 10, Kind.SKILL))).containsExactly("s-lassen");
        assertThat(ids(SEARCH.search("зварюваня", "uk", 10, Kind.SKILL))).containsExactly("s-lassen");
    }

    @Test
    void typeAheadMatchesPrefixes() {
        assertThat(ids(SEARCH.search("heft", "nl", 10, Kind.SKILL))).startsWith("s-heftruck");
        // the one-word occupation label is shorter, so it comes first among both kinds
        assertThat(ids(SEARCH.search("heft", "nl", 10, Kind.ANY))).containsExactly("o-heftruck", "s-heftruck");
        assertThat(ids(SEARCH.search("kinderen verz", "nl", 10, Kind.SKILL))).startsWith("s-kinderen");
        assertThat(ids(SEARCH.search("fork", null, 10, Kind.OCCUPATION))).containsExactly("o-heftruck");
    }

    @Test
    void preferredLabelBeatsAlternativeLabel() {
        List<LabelHit> hits = SEARCH.search("solderen", "nl", 10, Kind.SKILL);
        assertThat(ids(hits)).startsWith("s-solderen", "s-metaal");
        assertThat(hits.get(1).label()).isEqualTo("Metaalbewerking");
        assertThat(hits.get(1).matchedLabel()).isEqualTo("Solderen");

        LabelHit childcare = SEARCH.search("childcare", "en", 1, Kind.SKILL).get(0);
        assertThat(childcare.label()).isEqualTo("Caring for children");
        assertThat(childcare.matchedLabel()).isEqualTo("Childcare");
    }

    @Test
    void exactMatchBeatsTypeAheadAndFuzzy() {
        // "lasser" is an occupation's exact label, a prefix of "Lasser MIG/MAG" and one edit from "lassen"
        List<LabelHit> hits = SEARCH.search("lasser", null, 10, Kind.ANY);
        assertThat(hits.get(0).id()).isEqualTo("o-lasser");
        assertThat(hits.get(0).kind()).isEqualTo(Kind.OCCUPATION);
        assertThat(ids(hits)).contains("s-lassen");
    }

    @Test
    void eachConceptOnceUnderItsBestLabel() {
        List<LabelHit> hits = SEARCH.search("lassen", null, 100, Kind.ANY);
        assertThat(ids(hits)).doesNotHaveDuplicates();
        assertThat(hits.get(0).matchedLabel()).isEqualTo("Lassen");
        assertThat(SEARCH.search("lassen", null, 1, Kind.ANY)).hasSize(1);
    }

    @Test
    void filtersByKindAndLanguage() {
        assertThat(SEARCH.search("lasser", null, 10, Kind.SKILL)).allSatisfy(h -> assertThat(h.kind()).isEqualTo(Kind.SKILL));
        assertThat(SEARCH.search("welding", "nl", 10, Kind.ANY)).allSatisfy(h -> assertThat(h.language()).isEqualTo("nl"));
        assertThat(ids(SEARCH.search("welding", null, 10, Kind.ANY))).startsWith("s-lassen");
        assertThat(SEARCH.search("lassen", "xx", 10, Kind.ANY)).isEmpty();
        assertThat(SEARCH.search("lassen", "NL", 10, Kind.ANY)).isNotEmpty();
    }

    @Test
    void blankAndPunctuationGiveNothing() {
        assertThat(SEARCH.search("", null, 10, Kind.ANY)).isEmpty();
        assertThat(SEARCH.search("   \t", null, 10, Kind.ANY)).isEmpty();
        assertThat(SEARCH.search("?!-/ ... ,", "nl", 10, Kind.ANY)).isEmpty();
        assertThat(SEARCH.search("zzqxv", "nl", 10, Kind.ANY)).isEmpty();
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> SEARCH.search("lassen", null, 0, Kind.ANY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> SEARCH.search("lassen", null, 101, Kind.ANY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> SEARCH.search(null, null, 10, Kind.ANY)).hasMessageContaining("query");
        assertThatThrownBy(() -> SEARCH.search("lassen", null, 10, null)).hasMessageContaining("kind");
    }

    @Test
    void concurrentSearchesAgreeWithSequentialOnes() {
        List<String> queries = List.of("lassen", "weldng", "heft", "cafe", "kinderen", "forklift", "solderen", "lasser");
        List<List<LabelHit>> expected = queries.stream().map(q -> SEARCH.search(q, null, 10, Kind.ANY)).toList();
        IntStream.range(0, 400).parallel().forEach(i -> {
            int k = i % queries.size();
            assertThat(SEARCH.search(queries.get(k), null, 10, Kind.ANY)).isEqualTo(expected.get(k));
        });
    }

    @Test
    void escoBuildAndLatency() throws Exception {
        SkillTaxonomy esco = EscoTestData.taxonomy();
        long start = System.nanoTime();   // includes JIT warm-up: a first build, as a user sees it
        LabelSearch search = LabelSearch.of(esco);
        double buildMs = (System.nanoTime() - start) / 1e6;

        for (String q : queries(esco, new Random(1), 150, new ArrayList<>())) {   // warm-up on other labels
            search.search(q, "en", 10, Kind.ANY);
        }
        List<Integer> expected = new ArrayList<>();
        List<String> queries = queries(esco, new Random(7), 200, expected);
        long[] nanos = new long[queries.size()];
        int wholeFirst = 0;
        int typoInTop10 = 0;
        for (int k = 0; k < queries.size(); k++) {
            long t0 = System.nanoTime();
            List<LabelHit> hits = search.search(queries.get(k), "en", 10, Kind.ANY);
            nanos[k] = System.nanoTime() - t0;
            if (k % 3 == 0) {
                // ESCO has a few labels shared by several concepts: any concept under that label counts as first
                if (!hits.isEmpty() && hits.get(0).matchedLabel().equalsIgnoreCase(queries.get(k))) {
                    wholeFirst++;
                }
            } else if (k % 3 == 2 && containsSkill(hits, expected.get(k))) {
                typoInTop10++;
            }
        }
        // Typing labels letter by letter: every keystroke is a query.
        Random random = new Random(11);
        List<Long> keystrokes = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            String label = esco.labelIn(random.nextInt(esco.size()), "en");
            for (int end = 1; end <= label.length(); end++) {
                long t0 = System.nanoTime();
                search.search(label.substring(0, end), "en", 10, Kind.ANY);
                keystrokes.add(System.nanoTime() - t0);
            }
        }
        int n = queries.size() / 3;
        System.out.printf("ESCO label search: build %.0f ms, %s; %d fresh queries (whole label, prefix, one typo) "
                        + "%s; %d keystroke queries %s; whole label first %d/%d, one typo in top 10 %d/%d%n",
                buildMs, search, nanos.length, percentiles(Arrays.stream(nanos).boxed().toList()), keystrokes.size(),
                percentiles(keystrokes), wholeFirst, n, typoInTop10, n);
        assertThat(wholeFirst).isEqualTo(n);
        assertThat(typoInTop10).isGreaterThanOrEqualTo(n * 8 / 10);
    }

    private static boolean containsSkill(List<LabelHit> hits, int index) {
        return hits.stream().anyMatch(h -> h.kind() == Kind.SKILL && h.index() == index);
    }

    /** Per label: the whole label, a 3 to 6 letter prefix, the label with one typo. */
    private static List<String> queries(SkillTaxonomy esco, Random random, int labels, List<Integer> expected) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < labels; k++) {
            int i = random.nextInt(esco.size());
            String label = esco.labelIn(i, "en");
            out.add(label);
            out.add(label.substring(0, Math.min(label.length(), 3 + random.nextInt(4))));
            out.add(typo(label, random));
            expected.addAll(List.of(i, -1, i));
        }
        return out;
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.2f ms p90 %.2f ms p99 %.2f ms max %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Replaces one letter after the first of the label's longest word with a neighbouring letter. */
    private static String typo(String label, Random random) {
        String[] words = label.split(" ");
        int longest = 0;
        for (int w = 1; w < words.length; w++) {
            if (words[w].length() > words[longest].length()) {
                longest = w;
            }
        }
        String word = words[longest];
        if (word.length() < 4) {
            return label;
        }
        int at = 1 + random.nextInt(word.length() - 1);
        char c = word.charAt(at);
        char replacement = c == 'z' ? 'y' : Character.isLetter(c) ? (char) (c + 1) : 'a';
        words[longest] = word.substring(0, at) + replacement + word.substring(at + 1);
        return String.join(" ", words);
    }
}
