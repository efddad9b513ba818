package nl.werkmatch.matcher.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.Suggestion;
import nl.werkmatch.matcher.advice.SuggestionKind;

/** The JSON shape of a report, and an HTML page that is self-contained, escaped, and complete in both languages. */
class AuditOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static AuditReport report(String title) {
        Map<NeverRecommendedReason, Integer> byReason = new EnumMap<>(NeverRecommendedReason.class);
        for (NeverRecommendedReason r : NeverRecommendedReason.values()) {
            byReason.put(r, r == NeverRecommendedReason.OUTRANKED ? 2 : r.ordinal());
        }
        Map<String, List<AuditReport.GroupRow>> groups = new LinkedHashMap<>();
        groups.put("gender", List.of(new AuditReport.GroupRow("F", 40, 10, 0.3, 0.4, 0.5, true),
                new AuditReport.GroupRow("M", 60, 30, 0.7, 0.6, 1.0, false)));
        groups.put("countryOfOrigin", List.of(new AuditReport.GroupRow("<b>SY</b>", 90, 35, 0.9, 0.9, 1.0, false),
                new AuditReport.GroupRow(AuditReport.OTHER, 10, 5, 0.1, 0.1, 1.0, false)));
        groups.put("ageBand", List.of());
        List<Double> lorenz = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            lorenz.add(Math.pow(i / 100.0, 3));
        }
        return new AuditReport(new AuditReport.Summary(LocalDate.of(2026, 12, 1), 20, 0.3, "Groot Amsterdam"), 12, 100, 40,
                300, List.of(new AuditReport.NeverRecommended("p-2", NeverRecommendedReason.LANGUAGE_GAP, 0, advice("p-2")),
                        new AuditReport.NeverRecommended("p-<1>", NeverRecommendedReason.OUTRANKED, 3, null),
                        new AuditReport.NeverRecommended("p-3", NeverRecommendedReason.OUTRANKED, 10_000, null)),
                byReason, List.of(new AuditReport.Count("Groot Amsterdam", 60)), groups,
                new AuditReport.Congestion(0.61, 0.1, 0.5, List.of(30, 20), lorenz),
                List.of(new AuditReport.UnfilledVacancy("v-9", title, "Groot Amsterdam", advice("v-9"))),
                new AuditReport.AdviceCoverage(0.5, 1, 1));
    }

    private static Advice advice(String id) {
        var patch = JSON.createArrayNode();
        patch.addObject().put("op", "replace").put("path", "/dutch/speaking").put("value", "B1");
        return new Advice(id, 0.5, 2, List.of(new Suggestion(SuggestionKind.DUTCH_LEVEL,
                "Dutch speaking from A2 to B1 <now>", patch, 9, 7, 0, List.of("v-1", "v-2"), 0.1)));
    }

    @Test
    void jsonHasTheShapeOfTheIssue() throws Exception {
        JsonNode j = JSON.readTree(AuditJson.toJson(report("Lasser")));
        assertThat(j.path("day").asText()).isEqualTo("2026-12-01");
        assertThat(j.path("k").asInt()).isEqualTo(20);
        assertThat(j.path("minScore").asDouble()).isEqualTo(0.3);
        assertThat(j.path("region").asText()).isEqualTo("Groot Amsterdam");
        assertThat(j.path("vacancies").asInt()).isEqualTo(12);
        assertThat(j.path("profiles").asInt()).isEqualTo(100);
        assertThat(j.path("neverRecommendedCount").asInt()).isEqualTo(3);
        assertThat(j.path("neverRecommendedListed").asInt()).isEqualTo(3);
        JsonNode first = j.path("neverRecommended").get(0);
        assertThat(first.path("id").asText()).isEqualTo("p-2");
        assertThat(first.path("reason").asText()).isEqualTo("LANGUAGE_GAP");
        assertThat(first.path("eligible").asInt()).isEqualTo(0);
        JsonNode suggestion = first.path("advice").path("suggestions").get(0);
        assertThat(suggestion.path("kind").asText()).isEqualTo("dutch-level");
        assertThat(suggestion.path("unlocks").asInt()).isEqualTo(7);
        assertThat(suggestion.path("reachable").asInt()).isEqualTo(9);
        assertThat(suggestion.path("loses").asInt()).isEqualTo(0);
        assertThat(suggestion.path("examples").toString()).isEqualTo("[\"v-1\",\"v-2\"]");
        assertThat(suggestion.path("patch").get(0).path("path").asText()).isEqualTo("/dutch/speaking");
        assertThat(j.path("neverRecommended").get(1).has("advice")).isFalse();
        assertThat(j.toString()).doesNotContain("eligibleIsLowerBound");
        assertThat(j.path("unfilledVacancies").get(0).path("advice").path("suggestions").size()).isEqualTo(1);
        JsonNode coverage = j.path("adviceCoverage");
        assertThat(coverage.path("minScore").asDouble()).isEqualTo(0.5);
        assertThat(coverage.path("profilesAdvised").asInt()).isEqualTo(1);
        assertThat(coverage.path("profilesNeverRecommended").asInt()).isEqualTo(3);
        assertThat(coverage.path("vacanciesAdvised").asInt()).isEqualTo(1);
        assertThat(coverage.path("vacanciesUnfilled").asInt()).isEqualTo(1);
        JsonNode f = j.path("groups").path("gender").get(0);
        assertThat(f.path("value").asText()).isEqualTo("F");
        assertThat(f.path("profiles").asInt()).isEqualTo(40);
        assertThat(f.path("recommended").asInt()).isEqualTo(10);
        assertThat(f.path("slotShare").asDouble()).isEqualTo(0.3);
        assertThat(f.path("profileShare").asDouble()).isEqualTo(0.4);
        assertThat(f.path("ratio").asDouble()).isEqualTo(0.5);
        assertThat(f.path("belowFourFifths").asBoolean()).isTrue();
        assertThat(j.path("congestion").path("gini").asDouble()).isEqualTo(0.61);
        assertThat(j.path("congestion").path("lorenz").size()).isEqualTo(101);
        assertThat(j.path("congestion").path("mostExposed").toString()).isEqualTo("[30,20]");
        assertThat(j.path("unfilledVacancies").get(0).path("title").asText()).isEqualTo("Lasser");
        assertThat(j.path("neverRecommendedByReason").size()).isEqualTo(NeverRecommendedReason.values().length);
    }

    @Test
    void aLimitShortensTheListButNotTheCount() throws Exception {
        for (int limit : new int[] {0, 2, 3, 10}) {
            java.io.StringWriter out = new java.io.StringWriter();
            AuditJson.write(report("x"), out, limit);
            JsonNode j = JSON.readTree(out.toString());
            assertThat(j.path("neverRecommendedCount").asInt()).isEqualTo(3);
            assertThat(j.path("neverRecommendedListed").asInt()).isEqualTo(Math.min(limit, 3));
            assertThat(j.path("neverRecommended").size()).isEqualTo(Math.min(limit, 3));
            assertThat(j.path("neverRecommendedByReason").path("OUTRANKED").asInt()).isEqualTo(2);
        }
    }

    @Test
    void htmlIsSelfContainedEscapedAndHasItsCharts() {
        for (AuditHtml.Language language : AuditHtml.Language.values()) {
            String html = AuditHtml.render(report("<script>alert(1)</script> & co"), language);
            assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
                    .doesNotContain("<b>SY</b>").contains("&lt;b&gt;SY&lt;/b&gt;").contains("p-&lt;1&gt;")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
            // group bars (2 attributes with rows), the Lorenz curve, never-recommended by region and by reason
            assertThat(html.split("<svg", -1).length - 1).isEqualTo(5);
            assertThat(html).contains("stroke-dasharray=\"5 3\""); // the four-fifths line
            assertThat(html).contains("10,000").doesNotContain("10,000+");
            // the advice, its summary escaped, with the coverage
            assertThat(html).contains("Dutch speaking from A2 to B1 &lt;now&gt; (+7)").doesNotContain("<now>");
        }
        assertThat(AuditHtml.render(report("x"), AuditHtml.Language.NL)).contains("Advies berekend voor 1 van de 3")
                .contains("Nederlands, één onderdeel hoger");
        assertThat(AuditHtml.render(report("x"), AuditHtml.Language.EN)).contains("Advice computed for 1 of the 3")
                .contains("Dutch, one skill a level up");
        assertThat(AuditHtml.render(report("x"), AuditHtml.Language.NL)).contains("nooit aanbevolen").contains("lang=\"nl\"");
        assertThat(AuditHtml.render(report("x"), AuditHtml.Language.EN)).contains("never recommended").contains("lang=\"en\"");
    }
}
