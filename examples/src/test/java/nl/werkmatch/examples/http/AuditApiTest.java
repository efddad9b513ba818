package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.audit.AuditJson;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/** GET /audit and the fairness parameters of GET /vacancies/{id}/candidates, over a real socket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private Matcher matcher;
    private ApiServer server;
    private String vacancy;

    @BeforeAll
    void start() throws IOException {
        matcher = Matcher.inMemory();
        SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(5).today(LocalDate.now()).build();
        matcher.upsertProfiles(world.profiles(300).toList());
        matcher.upsertVacancies(world.vacancies(100).toList());
        matcher.refresh();
        vacancy = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "v-" + i)
                .filter(id -> matcher.candidatesFor(id, MatchRequest.builder().k(8).build()).matches().size() == 8)
                .findFirst().orElseThrow();
        server = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    void stop() {
        server.close();
        matcher.close();
    }

    @Test
    void auditAnswersTheLibrarysReportAsJson() throws Exception {
        LocalDate day = LocalDate.now();
        HttpResponse<String> r = get("/audit?k=5&minScore=0.2&day=" + day, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode report = JSON.readTree(r.body());
        JsonNode expected = JSON.readTree(AuditJson.toJson(matcher.audit(AuditRequest.builder().k(5).minScore(0.2).day(day).build())));
        assertThat(report).isEqualTo(expected);
        assertThat(report.path("profiles").asInt()).isEqualTo(300);
        assertThat(report.path("groups").path("gender").isArray()).isTrue();
        report.path("groups").forEach(rows -> rows.forEach(row -> assertThat(row.path("profiles").asInt()).isGreaterThanOrEqualTo(10)));
    }

    @Test
    void adviceAndLimitShapeTheListButNotTheCounts() throws Exception {
        LocalDate day = LocalDate.now();
        HttpResponse<String> r = get("/audit?k=5&day=" + day + "&advice=2&limit=3", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body());
        java.io.StringWriter expected = new java.io.StringWriter();
        AuditJson.write(matcher.audit(AuditRequest.builder().k(5).day(day).advice(2).build()), expected, 3);
        assertThat(report).isEqualTo(JSON.readTree(expected.toString()));
        int never = report.path("neverRecommendedCount").asInt();
        assertThat(never).as("this world has more never-recommended profiles than the limit").isGreaterThan(3);
        assertThat(report.path("neverRecommended").size()).isEqualTo(3);
        assertThat(report.path("neverRecommendedListed").asInt()).isEqualTo(3);
        int byReason = 0;
        for (JsonNode n : report.path("neverRecommendedByReason")) {
            byReason += n.asInt();
        }
        assertThat(byReason).isEqualTo(never);
        assertThat(report.path("neverRecommended").get(0).path("advice").path("suggestions").isArray()).isTrue();
        assertThat(report.path("neverRecommended").get(1).has("advice")).isTrue();
        assertThat(report.path("neverRecommended").get(2).has("advice")).isFalse();
        assertThat(report.path("adviceCoverage").path("profilesAdvised").asInt()).isEqualTo(2);
        assertThat(report.path("adviceCoverage").path("profilesNeverRecommended").asInt()).isEqualTo(never);

        // without a limit: at most 1,000 listed, here all of them
        JsonNode all = JSON.readTree(get("/audit?k=5&day=" + day + "&advice=0", null).body());
        assertThat(all.path("neverRecommended").size()).isEqualTo(Math.min(never, AuditRoutes.DEFAULT_LIMIT));
        assertThat(all.path("adviceCoverage").path("profilesAdvised").asInt()).isZero();
    }

    @Test
    void auditAnswersHtmlWhenAskedFor() throws Exception {
        HttpResponse<String> r = get("/audit?k=5&lang=en", "text/html,application/xhtml+xml;q=0.9");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("<svg").contains("Never recommended").doesNotContain("<script");
    }

    @Test
    void badAuditParametersAre400NamingThem() throws Exception {
        assertThat(problemParameter(get("/audit?k=0", null))).isEqualTo("k");
        assertThat(problemParameter(get("/audit?minScore=2", null))).isEqualTo("minScore");
        assertThat(problemParameter(get("/audit?day=tomorrow", null))).isEqualTo("day");
        assertThat(problemParameter(get("/audit?region=Atlantis", null))).isEqualTo("region");
        assertThat(problemParameter(get("/audit?lang=de", null))).isEqualTo("lang");
        assertThat(problemParameter(get("/audit?top=5", null))).isEqualTo("top");
        assertThat(problemParameter(get("/audit?advice=-1", null))).isEqualTo("advice");
        assertThat(problemParameter(get("/audit?advice=100001", null))).isEqualTo("advice");
        assertThat(problemParameter(get("/audit?limit=-1", null))).isEqualTo("limit");
    }

    @Test
    void fairnessParametersRerankTheCandidatesPage() throws Exception {
        HttpResponse<String> r = get("/vacancies/" + vacancy + "/candidates?k=8&fairAttribute=gender&fairValue=F&fairShare=0.6&fairAlpha=0.2", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode matches = JSON.readTree(r.body()).path("matches");
        assertThat(matches.size()).isEqualTo(8);
        matches.forEach(m -> assertThat(m.path("movedUpByFairness").isBoolean()).isTrue());
        JsonNode plain = JSON.readTree(get("/vacancies/" + vacancy + "/candidates?k=8", null).body()).path("matches");
        plain.forEach(m -> assertThat(m.has("movedUpByFairness")).isFalse());
    }

    @Test
    void badFairnessParametersAre400NamingThem() throws Exception {
        String base = "/vacancies/" + vacancy + "/candidates?";
        assertThat(problemParameter(get(base + "fairAttribute=gender&fairShare=0.5", null))).isEqualTo("fairValue");
        assertThat(problemParameter(get(base + "fairAttribute=gender&fairValue=F&fairShare=1.5", null))).isEqualTo("fairShare");
        assertThat(problemParameter(get(base + "fairAttribute=religion&fairValue=x&fairShare=0.5", null))).isEqualTo("fairAttribute");
        assertThat(problemParameter(get(base + "fairAttribute=ageBand&fairValue=30-40&fairShare=0.5", null))).isEqualTo("fairValue");
        assertThat(problemParameter(get(base + "fairAttribute=gender&fairValue=F&fairShare=0.5&fairAlpha=1", null))).isEqualTo("fairAlpha");
        HttpResponse<String> r = get("/profiles/p-1/vacancies?fairAttribute=gender&fairValue=F&fairShare=0.5", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("errors").get(0).path("path").asText()).isEqualTo("fairness");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri().toString()).resolve(path)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    private static String problemParameter(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JSON.readTree(r.body()).path("errors").get(0).path("path").asText();
    }
}
