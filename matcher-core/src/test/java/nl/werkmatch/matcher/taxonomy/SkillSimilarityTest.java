package nl.werkmatch.matcher.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.taxonomy.SkillSimilarity.Config;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity.Neighbourhood;

class SkillSimilarityTest {

    /** root > metaal > lassen > mig > mig-alu > mig-alu-dun; metaal > solderen; root > zorg > kinderen. */
    private static SkillTaxonomy small() {
        return new Tax()
                .skill("root")
                .skill("metaal", "root")
                .skill("lassen", "metaal")
                .skill("mig", "lassen")
                .skill("mig-alu", "mig")
                .skill("mig-alu-dun", "mig-alu")
                .skill("solderen", "metaal")
                .skill("zorg", "root")
                .skill("kinderen", "zorg")
                .skill("heftruck")
                .skill("magazijn")
                .skill("los")
                .related("heftruck", "magazijn")
                .related("mig", "lassen")
                .related("lassen", "solderen")
                .related("zorg", "kinderen")
                .build();
    }

    private final SkillTaxonomy tax = small();
    private final SkillSimilarity sim = SkillSimilarity.of(tax, Config.DEFAULT);

    private double sim(String q, String r) {
        return sim.sim(tax.indexOf(q), tax.indexOf(r));
    }

    private Relation rel(String q, String r) {
        return sim.relation(tax.indexOf(q), tax.indexOf(r));
    }

    @Test
    void sameSkillIsOne() {
        assertThat(sim("lassen", "lassen")).isEqualTo(1.0);
        assertThat(rel("lassen", "lassen")).isEqualTo(Relation.EXACT);
        assertThat(sim("los", "los")).isEqualTo(1.0);
    }

    @Test
    void havingTheSpecificSkillCoversTheGeneralAskPerLevel() {
        assertThat(sim("solderen", "metaal")).isCloseTo(0.9, within(1e-6));
        assertThat(rel("solderen", "metaal")).isEqualTo(Relation.NARROWER);
        assertThat(sim("mig", "metaal")).isCloseTo(0.81, within(1e-6));
        assertThat(rel("mig", "metaal")).isEqualTo(Relation.NARROWER);
        assertThat(sim("mig-alu-dun", "lassen")).isCloseTo(0.729, within(1e-6));
        assertThat(sim("mig-alu-dun", "metaal")).as("four levels is beyond maxDepth 3").isZero();
        assertThat(rel("mig-alu-dun", "metaal")).isEqualTo(Relation.NONE);
    }

    @Test
    void maxDepthLimitsTheClimb() {
        SkillSimilarity shallow = SkillSimilarity.of(tax, new Config(0.9, 0.5, 0.3, 0.5, 1, 64));
        assertThat(shallow.sim(tax.indexOf("mig"), tax.indexOf("lassen"))).isCloseTo(0.9, within(1e-6));
        assertThat(shallow.sim(tax.indexOf("mig-alu"), tax.indexOf("lassen"))).isZero();
    }

    @Test
    void havingTheGeneralSkillCoversASpecificAskOneLevelOnly() {
        assertThat(sim("metaal", "solderen")).isEqualTo(0.5);
        assertThat(rel("metaal", "solderen")).isEqualTo(Relation.BROADER);
        assertThat(sim("metaal", "mig")).isZero();
    }

    @Test
    void siblingsShareAParent() {
        assertThat(sim("metaal", "zorg")).isCloseTo(0.3, within(1e-6));
        assertThat(rel("metaal", "zorg")).isEqualTo(Relation.SIBLING);
        assertThat(sim("zorg", "metaal")).isCloseTo(0.3, within(1e-6));
    }

    @Test
    void relatedCountsInBothDirections() {
        assertThat(sim("heftruck", "magazijn")).isEqualTo(0.5);
        assertThat(sim("magazijn", "heftruck")).isEqualTo(0.5);
        assertThat(rel("magazijn", "heftruck")).isEqualTo(Relation.RELATED);
    }

    @Test
    void theStrongestRelationWins() {
        // mig is a child of lassen (0.9) and related to it (0.5)
        assertThat(sim("mig", "lassen")).isCloseTo(0.9, within(1e-6));
        assertThat(rel("mig", "lassen")).isEqualTo(Relation.NARROWER);
        // lassen and solderen are siblings (0.3) and related (0.5)
        assertThat(sim("lassen", "solderen")).isEqualTo(0.5);
        assertThat(rel("solderen", "lassen")).isEqualTo(Relation.RELATED);
        // zorg is the parent of kinderen (0.5) and related to it (0.5): the tie goes to the earlier relation
        assertThat(sim("zorg", "kinderen")).isEqualTo(0.5);
        assertThat(rel("zorg", "kinderen")).isEqualTo(Relation.BROADER);
    }

    @Test
    void unrelatedSkillsScoreZero() {
        assertThat(sim("los", "lassen")).isZero();
        assertThat(sim("kinderen", "lassen")).as("cousins").isZero();
        assertThat(rel("heftruck", "lassen")).isEqualTo(Relation.NONE);
    }

    @Test
    void relatedZeroRemovesRelatedOnly() {
        SkillSimilarity noRelated = SkillSimilarity.of(tax, new Config(0.9, 0.5, 0.3, 0.0, 3, 64));
        assertThat(noRelated.sim(tax.indexOf("heftruck"), tax.indexOf("magazijn"))).isZero();
        assertThat(noRelated.relation(tax.indexOf("solderen"), tax.indexOf("lassen"))).isEqualTo(Relation.SIBLING);
        assertThat(noRelated.sim(tax.indexOf("mig"), tax.indexOf("lassen"))).isCloseTo(0.9, within(1e-6));
        for (int q = 0; q < tax.size(); q++) {
            Neighbourhood n = noRelated.coverage(q);
            for (int i = 0; i < n.size(); i++) {
                assertThat(n.relation(i)).isNotEqualTo(Relation.RELATED);
            }
        }
    }

    @Test
    void coverageIsSortedAndAgreesWithSimBitForBit() {
        for (int q = 0; q < tax.size(); q++) {
            Neighbourhood n = sim.coverage(q);
            assertThat(n.size()).isPositive();
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    assertThat(n.target(i)).isGreaterThan(n.target(i - 1));
                }
                assertThat(n.sim(i)).isGreaterThan(0f).isLessThanOrEqualTo(1f);
                assertThat(Double.doubleToRawLongBits(sim.sim(q, n.target(i))))
                        .isEqualTo(Double.doubleToRawLongBits(n.sim(i)));
                assertThat(sim.relation(q, n.target(i))).isEqualTo(n.relation(i));
            }
        }
        assertThat(sim.coverage(tax.indexOf("heftruck")).toString()).contains("EXACT", "RELATED");
    }

    @Test
    void aHugeGroupIsBoundedDeterministically() {
        Tax t = new Tax().group("G");
        for (int i = 0; i < 5_000; i++) {
            t.skill(String.format("c%04d", i), "G");
        }
        SkillTaxonomy huge = t.related("c4000", "c4999").build();
        long start = System.nanoTime();
        SkillSimilarity s = SkillSimilarity.of(huge, Config.DEFAULT);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).as("precompute of a 5,000-member group, ms").isLessThan(5_000);

        int q = huge.indexOf("c4000");
        Neighbourhood n = s.coverage(q);
        assertThat(n.size()).isEqualTo(64);
        List<String> ids = IntStream.range(0, n.size()).mapToObj(i -> huge.conceptId(n.target(i))).toList();
        // itself, the group (narrower 0.9), the related c4999 (0.5), then the 61 siblings with the smallest indexes
        List<String> expected = new ArrayList<>(List.of("G"));
        IntStream.range(0, 61).mapToObj(i -> String.format("c%04d", i)).forEach(expected::add);
        expected.add("c4000");
        expected.add("c4999");
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(s.relation(q, huge.indexOf("c4999"))).isEqualTo(Relation.RELATED);
        assertThat(s.sim(q, huge.indexOf("c0061"))).as("a sibling beyond the cap").isZero();

        Neighbourhood group = s.coverage(huge.indexOf("G"));
        assertThat(group.size()).isEqualTo(64);
        assertThat(group.target(63)).isEqualTo(huge.indexOf("c0062"));
        assertThat(group.relation(63)).isEqualTo(Relation.BROADER);

        SkillSimilarity again = SkillSimilarity.of(huge, Config.DEFAULT);
        for (int i = 0; i < huge.size(); i += 97) {
            assertThat(again.coverage(i).toString()).isEqualTo(s.coverage(i).toString());
        }
    }

    /** The bounded enumeration must equal the top maxNeighbours of the unbounded definition. */
    @Test
    void boundedEnumerationEqualsTheUnboundedTopK() {
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            int n = 400;
            Tax t = new Tax();
            t.group("hub");
            for (int i = 1; i < n; i++) {
                List<String> parents = new ArrayList<>();
                if (random.nextInt(4) == 0) {
                    parents.add("hub");
                }
                int more = random.nextInt(3);
                for (int k = 0; k < more; k++) {
                    parents.add("s" + random.nextInt(i));
                }
                t.skill("s" + i, parents.stream().filter(p -> !p.equals("s0")).distinct().toArray(String[]::new));
            }
            for (int k = 0; k < 300; k++) {
                int a = 1 + random.nextInt(n - 1);
                int b = 1 + random.nextInt(n - 1);
                t.related("s" + a, "s" + b);
            }
            SkillTaxonomy taxonomy = t.build();
            Config config = new Config(0.8, 0.5, 0.3, 0.4, 3, 1 + random.nextInt(12));
            SkillSimilarity s = SkillSimilarity.of(taxonomy, config);
            for (int q = 0; q < taxonomy.size(); q++) {
                assertThat(s.coverage(q).toString()).as("coverage of %s", taxonomy.conceptId(q))
                        .isEqualTo(reference(taxonomy, config, q));
            }
        }
    }

    @Test
    void configIsValidated() {
        assertThat(Config.DEFAULT).isEqualTo(new Config(0.9, 0.5, 0.3, 0.5, 3, 64));
        assertThatThrownBy(() -> new Config(1.1, 0.5, 0.3, 0.5, 3, 64)).hasMessageContaining("narrower");
        assertThatThrownBy(() -> new Config(0.9, 0.5, Double.NaN, 0.5, 3, 64)).hasMessageContaining("sibling");
        assertThatThrownBy(() -> new Config(0.4, 0.5, 0.3, 0.5, 3, 64)).hasMessageContaining("broader");
        assertThatThrownBy(() -> new Config(0.9, 0.5, 0.3, -0.1, 3, 64)).hasMessageContaining("related");
        assertThatThrownBy(() -> new Config(0.9, 0.5, 0.3, 0.5, -1, 64)).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> new Config(0.9, 0.5, 0.3, 0.5, 3, 0)).hasMessageContaining("maxNeighbours");
        assertThatThrownBy(() -> sim.sim(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sim.coverage(tax.size())).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void escoNeighbourhoodsStayWithinTheCap() throws Exception {
        SkillTaxonomy esco = EscoTestData.taxonomy();
        SkillSimilarity.of(esco, Config.DEFAULT);   // warm-up
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        SkillSimilarity s = SkillSimilarity.of(esco, Config.DEFAULT);
        long micros = (System.nanoTime() - start) / 1_000;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();

        int[] sizes = new int[esco.size()];
        long pairs = 0;
        int[] byRelation = new int[Relation.values().length];
        for (int q = 0; q < esco.size(); q++) {
            Neighbourhood n = s.coverage(q);
            sizes[q] = n.size();
            pairs += n.size();
            for (int i = 0; i < n.size(); i++) {
                byRelation[n.relation(i).ordinal()]++;
            }
        }
        Arrays.sort(sizes);
        assertThat(sizes[sizes.length - 1]).isLessThanOrEqualTo(Config.DEFAULT.maxNeighbours());
        assertThat(sizes[0]).isGreaterThanOrEqualTo(1);
        long arrayBytes = pairs * (4 + 4 + 1) + 4L * (esco.size() + 1);
        System.out.printf("ESCO similarity: %d concepts, %d pairs, precompute %.1f ms, arrays %.1f MB "
                        + "(heap delta %.1f MB); neighbourhood size mean %.1f p50 %d p99 %d max %d; by relation %s%n",
                esco.size(), pairs, micros / 1000.0, arrayBytes / 1e6, (after - before) / 1e6,
                pairs / (double) esco.size(), sizes[sizes.length / 2], sizes[(int) (sizes.length * 0.99)],
                sizes[sizes.length - 1], relationCounts(byRelation));
    }

    private static String relationCounts(int[] byRelation) {
        StringBuilder b = new StringBuilder();
        for (Relation r : Relation.values()) {
            if (byRelation[r.ordinal()] > 0) {
                b.append(r).append('=').append(byRelation[r.ordinal()]).append(' ');
            }
        }
        return b.toString().strip();
    }

    /** The unbounded definition, straight from the spec, then the top maxNeighbours by (sim desc, index asc). */
    private static String reference(SkillTaxonomy t, Config c, int q) {
        int n = t.size();
        float[] best = new float[n];
        Relation[] rel = new Relation[n];
        float[] narrowerAt = new float[c.maxDepth() + 1];
        double p = 1.0;
        for (int d = 0; d <= c.maxDepth(); d++) {
            narrowerAt[d] = (float) p;
            p *= c.narrower();
        }
        for (int r = 0; r < n; r++) {
            consider(best, rel, r, r == q ? 1f : 0f, Relation.EXACT);
            int depth = depth(t, q, r, c.maxDepth());
            if (depth > 0) {
                consider(best, rel, r, (float) c.narrower() == 0f ? 0f : narrowerAt[depth], Relation.NARROWER);
            }
            if (contains(t.broader(r), q)) {
                consider(best, rel, r, (float) c.broader(), Relation.BROADER);
            }
            int[] parentsOfR = t.broader(r);
            if (r != q && Arrays.stream(t.broader(q)).anyMatch(x -> contains(parentsOfR, x))) {
                consider(best, rel, r, (float) c.sibling(), Relation.SIBLING);
            }
            if (contains(t.related(q), r) || contains(t.related(r), q)) {
                consider(best, rel, r, (float) c.related(), Relation.RELATED);
            }
        }
        Integer[] order = IntStream.range(0, n).filter(r -> best[r] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> best[a] != best[b] ? Float.compare(best[b], best[a]) : Integer.compare(a, b));
        int[] kept = Arrays.stream(order).limit(c.maxNeighbours()).mapToInt(Integer::intValue).sorted().toArray();
        StringBuilder b = new StringBuilder("Neighbourhood[");
        for (int i = 0; i < kept.length; i++) {
            b.append(i == 0 ? "" : ", ").append(kept[i]).append(':').append(best[kept[i]]).append(' ').append(rel[kept[i]]);
        }
        return b.append(']').toString();
    }

    private static void consider(float[] best, Relation[] rel, int r, float s, Relation relation) {
        if (s > 0 && (s > best[r] || (s == best[r] && relation.ordinal() < rel[r].ordinal()))) {
            best[r] = s;
            rel[r] = relation;
        }
    }

    /** The fewest broader steps from q up to r, 1..maxDepth, or -1. */
    private static int depth(SkillTaxonomy t, int q, int r, int maxDepth) {
        int[] level = {q};
        for (int d = 1; d <= maxDepth; d++) {
            level = Arrays.stream(level).flatMap(x -> Arrays.stream(t.broader(x))).distinct().toArray();
            if (contains(level, r)) {
                return d;
            }
        }
        return -1;
    }

    private static boolean contains(int[] a, int x) {
        return Arrays.stream(a).anyMatch(v -> v == x);
    }

    /** A small taxonomy in a few lines. */
    static final class Tax {
        private final SkillTaxonomy.Builder b = SkillTaxonomy.builder("test", "1", "nl");

        Tax skill(String id, String... broader) {
            b.addConcept(id, SkillType.SKILL, Map.of("nl", id), Map.of(), List.of(broader), List.of());
            return this;
        }

        Tax group(String id, String... broader) {
            b.addConcept(id, SkillType.GROUP, Map.of("nl", id), Map.of(), List.of(broader), List.of());
            return this;
        }

        Tax related(String a, String other) {
            b.addRelated(a, other);
            return this;
        }

        SkillTaxonomy build() {
            return b.build();
        }
    }
}
