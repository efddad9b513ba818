package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.JsonLinesReader;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/** The HTTP API end to end over a real socket, on an in-memory matcher with a small synthetic world. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final HttpClient http = HttpClient.newHttpClient();
    private Matcher matcher;
    private ApiServer server;
    private SyntheticWorld world;
    private ExchangeFormat format;

    @BeforeAll
    void start() throws IOException {
        matcher = Matcher.inMemory();
        world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(3).today(LocalDate.now()).build();
        matcher.upsertProfiles(world.profiles(300).toList());
        matcher.upsertVacancies(world.vacancies(150).toList());
        matcher.refresh();
        format = matcher.exchangeFormat();
        server = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        awaitVacancySearch(server);
    }

    /** The vacancy search builds in the background after a start; wait until it answers. */
    static void awaitVacancySearch(ApiServer server) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 60_000_000_000L;
        try {
            while (client.send(HttpRequest.newBuilder(server.uri().resolve("/vacancies?limit=1")).build(),
                    BodyHandlers.discarding()).statusCode() == 503) {
                assertThat(System.nanoTime()).as("the vacancy search is built within a minute").isLessThan(deadline);
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @AfterAll
    void stop() {
        server.close();
        matcher.close();
    }

    // ---- documents

    @Test
    void putGetDeleteAProfile() throws Exception {
        String body = format.writeProfile(world.profile(1000).toBuilder().id("p-new").build());
        assertThat(send("PUT", "/profiles/p-new", body, "application/json").statusCode()).isEqualTo(201);
        HttpResponse<String> again = send("PUT", "/profiles/p-new", body, "application/json");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(body));

        HttpResponse<String> get = send("GET", "/profiles/p-new", null, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get.body())).isEqualTo(JSON.readTree(body));

        assertThat(send("DELETE", "/profiles/p-new", null, null).statusCode()).isEqualTo(204);
        problem(send("GET", "/profiles/p-new", null, null), 404);
        problem(send("DELETE", "/profiles/p-new", null, null), 404);
    }

    @Test
    void putAVacancyIsVisibleToTheNextMatch() throws Exception {
        String body = format.writeVacancy(world.vacancy(2000).toBuilder().id("v-new").build());
        assertThat(send("PUT", "/vacancies/v-new", body, "application/json").statusCode()).isEqualTo(201);
        HttpResponse<String> candidates = send("GET", "/vacancies/v-new/candidates?k=3", null, null);
        assertThat(candidates.statusCode()).as(candidates.body()).isEqualTo(200);
    }

    @Test
    void anIdInTheBodyOtherThanThePathIs400NamingId() throws Exception {
        String body = format.writeProfile(world.profile(1001));
        JsonNode p = problem(send("PUT", "/profiles/someone-else", body, "application/json"), 400);
        assertThat(p.path("errors").get(0).path("path").asText()).isEqualTo("id");
    }

    @Test
    void invalidInputIs400WithFieldPaths() throws Exception {
        String body = "{\"id\":\"p-bad\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"},"
                + "\"skills\":[{\"id\":\"s-no-such-skill\",\"evidence\":\"DECLARED\"}],\"dutch\":{\"speaking\":\"B3\"}}";
        JsonNode p = problem(send("PUT", "/profiles/p-bad", body, "application/json"), 400);
        assertThat(p.path("type").asText()).isEqualTo(ProblemTypes.INVALID_INPUT);
        assertThat(paths(p)).contains("dutch.speaking");
    }

    @Test
    void badJsonIs400() throws Exception {
        JsonNode p = problem(send("PUT", "/profiles/p-x", "{\"id\": ", "application/json"), 400);
        assertThat(p.path("type").asText()).isEqualTo(ProblemTypes.BAD_JSON);
    }

    @Test
    void bulkReportsEachBadLine() throws Exception {
        String lines = format.writeProfile(world.profile(1100).toBuilder().id("bulk-1").build()) + "\n"
                + "{not json}\n"
                + format.writeProfile(world.profile(1101).toBuilder().id("bulk-2").build()) + "\n";
        HttpResponse<String> r = send("POST", "/profiles", lines, "application/x-ndjson");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.path("read").asInt()).isEqualTo(3);
        assertThat(answer.path("imported").asInt()).isEqualTo(2);
        assertThat(answer.path("rejected").size()).isEqualTo(1);
        assertThat(answer.path("rejected").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(answer.path("rejected").get(0).path("problems").get(0).has("message")).isTrue();
        assertThat(send("GET", "/profiles/bulk-2", null, null).statusCode()).isEqualTo(200);
    }

    // ---- matching

    @Test
    void candidatesWithExplanations() throws Exception {
        HttpResponse<String> r = send("GET", "/vacancies/v-0/candidates?k=3&explain=true&withinKm=300", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode matches = JSON.readTree(r.body()).path("matches");
        assertThat(matches.size()).isBetween(1, 3);
        assertThat(matches.get(0).path("contributions").has("skills")).isTrue();
        assertThat(matches.get(0).has("explanation")).isTrue();
    }

    @Test
    void vacanciesForAProfileWithFilters() throws Exception {
        HttpResponse<String> r = send("GET", "/profiles/p-0/vacancies?k=2&jobType=REGULAR&jobType=STAGE&minScore=0.1", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("matches").isArray()).isTrue();
    }

    @Test
    void badQueryParametersAreNamed() throws Exception {
        assertThat(paths(problem(send("GET", "/vacancies/v-0/candidates?k=0", null, null), 400))).containsExactly("k");
        assertThat(paths(problem(send("GET", "/vacancies/v-0/candidates?region=Atlantis", null, null), 400))).containsExactly("region");
        assertThat(paths(problem(send("GET", "/vacancies/v-0/candidates?top=3", null, null), 400))).containsExactly("top");
    }

    @Test
    void unknownIdIs404() throws Exception {
        problem(send("GET", "/vacancies/no-such/candidates", null, null), 404);
        problem(send("GET", "/profiles/no-such/vacancies", null, null), 404);
    }

    @Test
    void theSkillFloorIsAnOptionOfBothRoutesAndOfTheBody() throws Exception {
        HttpResponse<String> r = send("GET", "/vacancies/v-0/candidates?k=20&withinKm=300&minSkillFit=0.3", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        // default weights: the skills contribution is 0.5 times the skills component
        for (JsonNode m : JSON.readTree(r.body()).path("matches")) {
            assertThat(m.path("contributions").path("skills").asDouble()).isGreaterThanOrEqualTo(0.5 * 0.3);
        }
        assertThat(send("GET", "/profiles/p-0/vacancies?minSkillFit=0", null, null).statusCode()).isEqualTo(200);
        assertThat(paths(problem(send("GET", "/profiles/p-0/vacancies?minSkillFit=1.5", null, null), 400)))
                .containsExactly("minSkillFit");
        ObjectNode body = JSON.createObjectNode();
        body.set("vacancy", JSON.readTree(format.writeVacancy(world.vacancy(5001))));
        body.put("minSkillFit", "high");
        assertThat(paths(problem(send("POST", "/match", body.toString(), "application/json"), 400)))
                .containsExactly("minSkillFit");
    }

    @Test
    void matchAnUnstoredProfileOrVacancy() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("profile", JSON.readTree(format.writeProfile(world.profile(5000))));
        body.put("k", 2).put("explain", true);
        HttpResponse<String> r = send("POST", "/match", body.toString(), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("matches").isArray()).isTrue();
        problem(send("GET", "/profiles/p-5000", null, null), 404);

        ObjectNode other = JSON.createObjectNode();
        other.set("vacancy", JSON.readTree(format.writeVacancy(world.vacancy(5000))));
        assertThat(send("POST", "/match", other.toString(), "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void matchBodyProblemsHavePathsInTheBody() throws Exception {
        problem(send("POST", "/match", "{\"k\":3}", "application/json"), 400);
        JsonNode p = problem(send("POST", "/match",
                "{\"profile\":{\"id\":\"x\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"},"
                        + "\"skills\":[{\"id\":\"s-nope\",\"evidence\":\"DECLARED\"}]},\"k\":0,\"colour\":\"red\"}", "application/json"), 400);
        assertThat(paths(p)).contains("k", "colour");
    }

    // ---- what the web page reads

    @Test
    void explanationsCarryLabelsInTheAskedLanguage() throws Exception {
        JsonNode en = JSON.readTree(send("GET", "/vacancies/v-0/candidates?k=5&explain=true&withinKm=300&lang=en", null, null).body());
        JsonNode nl = JSON.readTree(send("GET", "/vacancies/v-0/candidates?k=5&explain=true&withinKm=300", null, null).body());
        var t = matcher.taxonomy();
        int checked = 0;
        for (int m = 0; m < en.path("matches").size(); m++) {
            JsonNode skills = en.path("matches").get(m).path("explanation").path("skills");
            JsonNode dutch = nl.path("matches").get(m).path("explanation").path("skills");
            for (int i = 0; i < skills.size(); i++) {
                JsonNode s = skills.get(i);
                assertThat(s.path("requiredLabel").asText()).isEqualTo(t.label(t.indexOf(s.path("requiredId").asText()), "en"));
                assertThat(dutch.get(i).path("requiredLabel").asText())
                        .isEqualTo(t.label(t.indexOf(s.path("requiredId").asText()), t.defaultLanguage()));
                if (s.hasNonNull("coveredBy")) {
                    assertThat(s.path("coveredByLabel").asText()).isEqualTo(t.label(t.indexOf(s.path("coveredBy").asText()), "en"));
                }
                if (s.hasNonNull("fromOccupation")) {
                    assertThat(s.path("fromOccupationLabel").asText())
                            .isEqualTo(t.occupationLabel(t.occupationIndexOf(s.path("fromOccupation").asText()), "en"));
                }
                checked++;
            }
        }
        assertThat(checked).isPositive();
        assertThat(paths(problem(send("GET", "/vacancies/v-0/candidates?lang=tlh", null, null), 400))).containsExactly("lang");
    }

    @Test
    void relaxingTheLanguageGapOnlyAddsMatches() throws Exception {
        Set<String> strict = ids(send("GET", "/vacancies/v-1/candidates?k=1000&withinKm=1000&ignoreTravelLimit=true&maxLanguageGap=0", null, null));
        Set<String> normal = ids(send("GET", "/vacancies/v-1/candidates?k=1000&withinKm=1000&ignoreTravelLimit=true", null, null));
        Set<String> relaxed = ids(send("GET", "/vacancies/v-1/candidates?k=1000&withinKm=1000&ignoreTravelLimit=true&maxLanguageGap=6", null, null));
        assertThat(normal).containsAll(strict);
        assertThat(relaxed).containsAll(normal);
        assertThat(relaxed.size()).isGreaterThan(strict.size());
        assertThat(paths(problem(send("GET", "/vacancies/v-1/candidates?maxLanguageGap=7", null, null), 400))).containsExactly("maxLanguageGap");
    }

    @Test
    void vacanciesForAProfileCarryTheVacancysTitleWhenExplained() throws Exception {
        JsonNode page = JSON.readTree(send("GET", "/profiles/p-2/vacancies?k=5&explain=true&lang=en", null, null).body());
        assertThat(page.path("matches").size()).isPositive();
        for (JsonNode m : page.path("matches")) {
            var v = matcher.vacancy(m.path("id").asText()).orElseThrow();
            assertThat(m.path("vacancy").path("title").asText()).isEqualTo(v.title());
            assertThat(m.path("vacancy").path("employer").asText()).isEqualTo(v.employer());
            var t = matcher.taxonomy();
            assertThat(m.path("vacancy").path("occupationLabel").asText()).isEqualTo(t.occupationLabel(t.occupationIndexOf(v.occupation()), "en"));
        }
        JsonNode plain = JSON.readTree(send("GET", "/profiles/p-2/vacancies?k=5", null, null).body());
        assertThat(plain.path("matches").get(0).has("vacancy")).isFalse();
    }

    @Test
    void aProfileSummaryHasLabelsAndPlaceButNoAuditFields() throws Exception {
        var stored = matcher.profile("p-4").orElseThrow();
        HttpResponse<String> r = send("GET", "/profiles/p-4/summary?lang=en", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(r.body());
        assertThat(summary.path("profile").has("audit")).isFalse();
        assertThat(r.body()).doesNotContain("\"gender\"").doesNotContain("birthYear").doesNotContain("countryOfOrigin");
        ObjectNode expected = format.toJson(stored);
        expected.remove("audit");
        assertThat(summary.path("profile")).isEqualTo(expected);
        var t = matcher.taxonomy();
        stored.skills().forEach(s -> assertThat(summary.path("labels").path(s.id()).asText()).isEqualTo(t.label(t.indexOf(s.id()), "en")));
        stored.experience().forEach(x -> assertThat(summary.path("labels").has(x.occupation())).isTrue());
        var place = matcher.regions().resolve(stored.location()).orElseThrow();
        assertThat(summary.path("place").path("municipality").asText()).isEqualTo(place.municipality().name());
        assertThat(summary.path("place").path("region").asText()).isEqualTo(place.region().name());
        problem(send("GET", "/profiles/nobody/summary", null, null), 404);
    }

    @Test
    void aVacancySummaryHasTheRecordItsLabelsAndPlace() throws Exception {
        var stored = matcher.vacancy("v-3").orElseThrow();
        JsonNode summary = JSON.readTree(send("GET", "/vacancies/v-3/summary", null, null).body());
        assertThat(summary.path("vacancy")).isEqualTo(format.toJson(stored));
        var t = matcher.taxonomy();
        stored.skills().forEach(s -> assertThat(summary.path("labels").path(s.id()).asText())
                .isEqualTo(t.label(t.indexOf(s.id()), t.defaultLanguage())));
        assertThat(summary.path("labels").path(stored.occupation()).asText())
                .isEqualTo(t.occupationLabel(t.occupationIndexOf(stored.occupation()), t.defaultLanguage()));
        assertThat(summary.path("place").path("region").asText())
                .isEqualTo(matcher.regions().resolve(stored.location()).orElseThrow().region().name());
        assertThat(paths(problem(send("GET", "/vacancies/v-3/summary?lang=xx", null, null), 400))).containsExactly("lang");
    }

    @Test
    void labelsNameSkillsOccupationsAndVacanciesInTheAskedLanguageAndLeaveOutUnknownIds() throws Exception {
        var v = matcher.vacancy("v-3").orElseThrow();
        var t = matcher.taxonomy();
        String skill = v.skills().get(0).id();
        JsonNode answer = JSON.readTree(send("GET", "/labels?skill=" + skill + "&skill=no-such-skill&occupation="
                + v.occupation() + "&vacancy=v-3&vacancy=v-none&lang=en", null, null).body());
        assertThat(answer.path("skills").size()).isEqualTo(1);
        assertThat(answer.path("skills").path(skill).asText()).isEqualTo(t.label(t.indexOf(skill), "en"));
        assertThat(answer.path("occupations").path(v.occupation()).asText())
                .isEqualTo(t.occupationLabel(t.occupationIndexOf(v.occupation()), "en"));
        assertThat(answer.path("vacancies").size()).isEqualTo(1);
        assertThat(answer.path("vacancies").path("v-3").path("title").asText()).isEqualTo(v.title());
        assertThat(answer.path("vacancies").path("v-3").path("employer").asText()).isEqualTo(v.employer());

        String many = "vacancy=v-1&".repeat(WorkbenchRoutes.MAX_LABELS) + "skill=" + skill;
        JsonNode tooMany = problem(send("GET", "/labels?" + many, null, null), 400);
        assertThat(paths(tooMany)).containsExactly("vacancy");
        assertThat(paths(problem(send("GET", "/labels?lang=xx", null, null), 400))).containsExactly("lang");
        assertThat(paths(problem(send("GET", "/labels?title=x", null, null), 400))).containsExactly("title");
    }

    @Test
    void theRegionsAreTheThirtyFiveLabourMarketRegions() throws Exception {
        JsonNode regions = JSON.readTree(send("GET", "/regions", null, null).body()).path("regions");
        assertThat(regions.size()).isEqualTo(35);
        assertThat(regions.toString()).contains("Groot Amsterdam");
    }

    @Test
    void theVacancySearchFollowsPutDeleteAndBulk() throws Exception {
        String body = format.writeVacancy(world.vacancy(3000).toBuilder().id("v-search").title("Sluiswachter").build());
        assertThat(send("PUT", "/vacancies/v-search", body, "application/json").statusCode()).isEqualTo(201);
        assertThat(searchIds("sluiswacht")).containsExactly("v-search");
        assertThat(send("DELETE", "/vacancies/v-search", null, null).statusCode()).isEqualTo(204);
        assertThat(searchIds("sluiswacht")).isEmpty();

        String lines = format.writeVacancy(world.vacancy(3001).toBuilder().id("v-bulk-1").title("Brugwachter").build()) + "\n"
                + format.writeVacancy(world.vacancy(3002).toBuilder().id("v-bulk-2").title("Brugwachter").build()) + "\n";
        assertThat(send("POST", "/vacancies", lines, "application/x-ndjson").statusCode()).isEqualTo(200);
        assertThat(searchIds("brugwachter")).containsExactlyInAnyOrder("v-bulk-1", "v-bulk-2");
    }

    @Test
    void theVacancySearchFollowsABulkCutShortByATooLongLine() throws Exception {
        String good = format.writeVacancy(world.vacancy(3003).toBuilder().id("v-bulk-cut").title("Dijkwerker").build());
        String after = format.writeVacancy(world.vacancy(3004).toBuilder().id("v-bulk-after").title("Dijkwerker").build());
        String body = good + "\n{\"id\":\"" + "y".repeat(JsonLinesReader.MAX_LINE_BYTES) + "\"}\n" + after + "\n";
        assertThat(send("POST", "/vacancies", body, "application/x-ndjson").statusCode()).isEqualTo(413);
        // The line before the long one was written, so the search has it; nothing after it was read.
        assertThat(searchIds("dijkwerker")).containsExactly("v-bulk-cut");
    }

    @Test
    void theVacancySearchFollowsABulkLargerThanOneSync() throws Exception {
        int n = DocumentRoutes.SYNC_EVERY + 7;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append(format.writeVacancy(world.vacancy(10_000 + i).toBuilder().id("bulk-many-" + i)
                    .title(i == 0 || i == n - 1 ? "Kraanmachinist" : "Stratenmaker").build())).append('\n');
        }
        HttpResponse<String> r = send("POST", "/vacancies", lines.toString(), "application/x-ndjson");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("imported").asInt()).isEqualTo(n);
        // The first line went with the first sync, the last with the one after the body ended.
        assertThat(searchIds("kraanmachinist")).containsExactlyInAnyOrder("bulk-many-0", "bulk-many-" + (n - 1));
        for (int i : new int[] {1, DocumentRoutes.SYNC_EVERY - 1, DocumentRoutes.SYNC_EVERY, n - 2}) {
            assertThat(searchIds("bulk-many-" + i)).first().isEqualTo("bulk-many-" + i);
        }
    }

    @Test
    void theVacancySearchAnswersWithFactsAndBoundsItsParameters() throws Exception {
        var v = matcher.vacancy("v-5").orElseThrow();
        JsonNode answer = JSON.readTree(send("GET", "/vacancies?q=v-5&limit=3", null, null).body());
        JsonNode hit = answer.path("hits").get(0);
        assertThat(hit.path("id").asText()).isEqualTo("v-5");
        assertThat(hit.path("title").asText()).isEqualTo(v.title());
        assertThat(hit.path("occupationLabel").asText()).isNotBlank();
        assertThat(answer.path("hits").size()).isLessThanOrEqualTo(3);
        assertThat(paths(problem(send("GET", "/vacancies?limit=0", null, null), 400))).containsExactly("limit");
        assertThat(paths(problem(send("GET", "/vacancies?limit=101", null, null), 400))).containsExactly("limit");
        assertThat(paths(problem(send("GET", "/vacancies?q=" + "a".repeat(201), null, null), 400))).containsExactly("q");
        assertThat(paths(problem(send("GET", "/vacancies?region=Atlantis", null, null), 400))).containsExactly("region");
        assertThat(paths(problem(send("GET", "/vacancies?page=2", null, null), 400))).containsExactly("page");
    }

    private List<String> searchIds(String q) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        JSON.readTree(send("GET", "/vacancies?q=" + q, null, null).body()).path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    private static Set<String> ids(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        JSON.readTree(r.body()).path("matches").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    @Test
    void adviceForAStoredAndAPostedProfileIsTheLibrarysAdvice() throws Exception {
        HttpResponse<String> r = send("GET", "/profiles/p-1/advice?minScore=0.4&limit=5&lang=en", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode expected = JSON.readTree(nl.werkmatch.matcher.json.AdviceJson.toJson(matcher.adviseProfile("p-1",
                new nl.werkmatch.matcher.advice.AdviceRequest(0.4, 5, "en"))).toString());
        assertThat(JSON.readTree(r.body())).isEqualTo(expected);

        ObjectNode body = JSON.createObjectNode();
        body.set("profile", JSON.readTree(format.writeProfile(matcher.profile("p-1").orElseThrow())));
        body.put("minScore", 0.4).put("limit", 5).put("lang", "en");
        HttpResponse<String> posted = send("POST", "/advice", body.toString(), "application/json");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(JSON.readTree(posted.body())).isEqualTo(expected);
    }

    @Test
    void adviceForAStoredAndAPostedVacancyIsTheLibrarysAdvice() throws Exception {
        HttpResponse<String> r = send("GET", "/vacancies/v-1/advice?minScore=0.3&limit=4", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode expected = JSON.readTree(nl.werkmatch.matcher.json.AdviceJson.toJson(matcher.adviseVacancy("v-1",
                new nl.werkmatch.matcher.advice.AdviceRequest(0.3, 4, null))).toString());
        assertThat(JSON.readTree(r.body())).isEqualTo(expected);
        ObjectNode body = JSON.createObjectNode();
        body.set("vacancy", JSON.readTree(format.writeVacancy(matcher.vacancy("v-1").orElseThrow())));
        body.put("minScore", 0.3).put("limit", 4);
        HttpResponse<String> posted = send("POST", "/advice", body.toString(), "application/json");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(JSON.readTree(posted.body())).isEqualTo(expected);
        problem(send("GET", "/vacancies/no-such/advice", null, null), 404);
    }

    @Test
    void aCareerStepIsTheLibrarysOneAndOnlyForJobSeekers() throws Exception {
        String occupation = matcher.vacancy("v-1").orElseThrow().occupation();
        HttpResponse<String> r = send("GET", "/profiles/p-1/advice?minScore=0.4&occupation=" + occupation, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode expected = JSON.readTree(nl.werkmatch.matcher.json.AdviceJson.toJson(matcher.adviseProfile("p-1",
                nl.werkmatch.matcher.advice.AdviceRequest.DEFAULT.withMinScore(0.4).withOccupation(occupation))).toString());
        assertThat(JSON.readTree(r.body())).isEqualTo(expected);
        ObjectNode body = JSON.createObjectNode();
        body.set("profile", JSON.readTree(format.writeProfile(matcher.profile("p-1").orElseThrow())));
        body.put("minScore", 0.4).put("occupation", occupation);
        assertThat(JSON.readTree(send("POST", "/advice", body.toString(), "application/json").body())).isEqualTo(expected);

        assertThat(paths(problem(send("GET", "/profiles/p-1/advice?occupation=o-no-such", null, null), 400)))
                .containsExactly("occupation");
        assertThat(paths(problem(send("GET", "/vacancies/v-1/advice?occupation=" + occupation, null, null), 400)))
                .containsExactly("occupation");
        ObjectNode forVacancy = JSON.createObjectNode();
        forVacancy.set("vacancy", JSON.readTree(format.writeVacancy(matcher.vacancy("v-1").orElseThrow())));
        forVacancy.put("occupation", occupation);
        assertThat(paths(problem(send("POST", "/advice", forVacancy.toString(), "application/json"), 400)))
                .containsExactly("occupation");
    }

    @Test
    void adviceMistakesAreNamedProblems() throws Exception {
        problem(send("GET", "/profiles/no-such/advice", null, null), 404);
        assertThat(paths(problem(send("GET", "/profiles/p-1/advice?minScore=1.5", null, null), 400))).containsExactly("minScore");
        assertThat(paths(problem(send("GET", "/profiles/p-1/advice?lang=xx", null, null), 400))).containsExactly("lang");
        assertThat(paths(problem(send("POST", "/advice", "{\"limit\":0,\"colour\":1}", "application/json"), 400)))
                .contains("limit", "colour", "profile");
    }

    // ---- service

    @Test
    void skillsFindsLassen() throws Exception {
        HttpResponse<String> r = send("GET", "/skills?q=lassen&lang=nl&limit=5", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode hits = JSON.readTree(r.body()).path("hits");
        assertThat(hits.findValuesAsText("id")).contains("s-lassen");
        assertThat(paths(problem(send("GET", "/skills", null, null), 400))).containsExactly("q");
    }

    @Test
    void healthHasCountsAndTaxonomy() throws Exception {
        JsonNode h = JSON.readTree(send("GET", "/health", null, null).body());
        assertThat(h.path("status").asText()).isEqualTo("UP");
        assertThat(h.path("profiles").asInt()).isGreaterThanOrEqualTo(300);
        assertThat(h.path("taxonomy").path("fingerprint").asText()).isEqualTo(matcher.taxonomy().fingerprint());
    }

    @Test
    void theOpenApiDocumentListsExactlyTheRoutesServed() throws Exception {
        HttpResponse<String> r = send("GET", "/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.path("paths").path(path).fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            });
        }
        try (Router routes = Routes.of(matcher)) {
            assertThat(documented).isEqualTo(routes.operations());
        }
        assertThat(doc.at("/components/schemas/Problem/required").toString()).contains("type", "title", "status", "detail", "errors");
    }

    // ---- errors

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        problem(send("GET", "/nothing", null, null), 404);
        HttpResponse<String> r = send("PATCH", "/profiles/p-0", "{}", "application/json");
        problem(r, 405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET", "PUT", "DELETE");
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        String big = "{\"id\":\"p-big\",\"description\":\"" + "x".repeat((1 << 20) + 10) + "\"}";
        problem(send("PUT", "/profiles/p-big", big, "application/json"), 413);
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        problem(send("PUT", "/profiles/p-x", "id=p-x", "application/x-www-form-urlencoded"), 415);
    }

    // ---- helpers

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri().toString()).resolve(path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.has("type") && p.has("title") && p.has("detail") && p.path("errors").isArray()).isTrue();
        return p;
    }

    private static Set<String> paths(JsonNode problem) {
        Set<String> paths = new TreeSet<>();
        problem.path("errors").forEach(e -> paths.add(e.path("path").asText()));
        return paths.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
