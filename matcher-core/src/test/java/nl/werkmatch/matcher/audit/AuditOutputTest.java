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

/** The JSON shape of a report, and an HTML page that is self-contained, escaped, and complete in both languages. */
class AuditOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static AuditReport report(String title) {
        Map<NeverRecommendedReason, Integer> byReason = new EnumMap<>(NeverRecommendedReason.class);
        for (NeverRecommendedReason r : NeverRecommendedReason.values()) {
            byReason.put(r, r.ordinal());
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
                300, List.of(new AuditReport.NeverRecommended("p-<1>", NeverRecommendedReason.OUTRANKED, 3, false),
                        new AuditReport.NeverRecommended("p-2", NeverRecommendedReason.LANGUAGE_GAP, 0, false),
                        new AuditReport.NeverRecommended("p-3", NeverRecommendedReason.OUTRANKED, 10_000, true)),
                byReason, List.of(new AuditReport.Count("Groot Amsterdam", 60)), groups,
                new AuditReport.Congestion(0.61, 0.1, 0.5, List.of(30, 20), lorenz),
                List.of(new AuditReport.UnfilledVacancy("v-9", title, "Groot Amsterdam")));
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
        JsonNode first = j.path("neverRecommended").get(0);
        assertThat(first.path("id").asText()).isEqualTo("p-<1>");
        assertThat(first.path("reason").asText()).isEqualTo("OUTRANKED");
        assertThat(first.has("eligibleIsLowerBound")).isFalse();
        assertThat(j.path("neverRecommended").get(2).path("eligibleIsLowerBound").asBoolean()).isTrue();
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
        assertThat(j.toString()).doesNotContain("advice");
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
            assertThat(html).contains("10,000+");
        }
        assertThat(AuditHtml.render(report("x"), AuditHtml.Language.NL)).contains("nooit aanbevolen").contains("lang=\"nl\"");
        assertThat(AuditHtml.render(report("x"), AuditHtml.Language.EN)).contains("never recommended").contains("lang=\"en\"");
    }
}
