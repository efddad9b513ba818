package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.geo.Municipality;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/** {@code POST /allocations} over a real socket: the answer's shape, and every kind of bad input as a 400, one at a time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final HttpClient http = HttpClient.newHttpClient();
    private Matcher matcher;
    private ApiServer server;

    @BeforeAll
    void start() throws IOException {
        ZoneId nl = ZoneId.of("Europe/Amsterdam");
        matcher = Matcher.builder().clock(Clock.fixed(DAY.atTime(12, 0).atZone(nl).toInstant(), nl)).build();
        List<Municipality> places = matcher.regions().municipalitiesIn(matcher.regions().labourMarketRegion("Flevoland").orElseThrow());
        SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(4).today(DAY).build();
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            profiles.add(world.profile(i).toBuilder().location(Location.municipality(places.get(i % places.size()).code())).build());
        }
        List<Vacancy> vacancies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            vacancies.add(world.vacancy(i).toBuilder().remote(false)
                    .location(Location.municipality(places.get(i % places.size()).code())).build());
        }
        matcher.upsertProfiles(profiles);
        matcher.upsertVacancies(vacancies);
        matcher.refresh();
        server = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    void stop() {
        server.close();
        matcher.close();
    }

    @Test
    void answersShortlistsUnfilledUninvitedAndBothMetrics() throws Exception {
        HttpResponse<String> r = post("{\"regions\":[\"flevoland\"],\"perPosition\":2,\"maxPerCandidate\":1,"
                + "\"minScore\":0.4,\"day\":\"2026-12-01\",\"priorityForUnseen\":0.05}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(r.body());
        assertThat(a.path("day").asText()).isEqualTo("2026-12-01");
        assertThat(a.path("shortlists").isArray()).isTrue();
        assertThat(a.path("shortlists").size()).isPositive();
        JsonNode first = a.path("shortlists").get(0);
        assertThat(first.has("vacancy") && first.has("positions") && first.path("candidates").isArray()).isTrue();
        for (JsonNode s : a.path("shortlists")) {
            for (JsonNode c : s.path("candidates")) {
                assertThat(c.has("id") && c.has("score") && c.has("rank")).isTrue();
            }
        }
        assertThat(a.path("unfilled").isArray() && a.path("uninvited").isArray()).isTrue();
        for (String part : List.of("metrics", "plain")) {
            assertThat(a.path(part).fieldNames()).toIterable().contains("totalScore", "invitations",
                    "vacanciesWithCandidates", "candidatesInvited", "maxListsPerCandidate", "gini");
        }
        assertThat(a.path("metrics").path("maxListsPerCandidate").asInt()).isLessThanOrEqualTo(1);
        assertThat(a.path("solver").path("proven").isBoolean()).isTrue();
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        assertThat(paths(problem(post("{\"regions\":[\"Atlantis\"]}")))).containsExactly("regions[0]");
        assertThat(paths(problem(post("{\"municipalities\":[\"GM9999\"]}")))).containsExactly("municipalities[0]");
        assertThat(paths(problem(post("{\"vacancies\":[\"v-0\",\"nope\"]}")))).contains("vacancies[1]");
        assertThat(paths(problem(post("{\"regions\":[\"Zeeland\"]}")))).containsExactly("regions");
        assertThat(paths(problem(post("{}")))).containsExactly("regions");
        assertThat(paths(problem(post("{\"regions\":[\"Flevoland\"],\"perPosition\":0,\"maxPerCandidate\":\"2\"}"))))
                .containsExactlyInAnyOrder("perPosition", "maxPerCandidate");
        assertThat(paths(problem(post("{\"regions\":[\"Flevoland\"],\"minScore\":1.5}")))).containsExactly("minScore");
        assertThat(paths(problem(post("{\"regions\":[\"Flevoland\"],\"day\":\"1 december\"}")))).containsExactly("day");
        assertThat(paths(problem(post("{\"regions\":\"Flevoland\"}")))).containsExactly("regions");
        assertThat(paths(problem(post("{\"region\":[\"Flevoland\"]}")))).containsExactly("region", "regions");
        assertThat(problem(post("{\"regions\":")).path("type").asText()).isEqualTo(ProblemTypes.BAD_JSON);
    }

    @Test
    void aSecondAllocationWhileOneRunsIs409AndTheNextOneRunsAgain() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Router router = new Router();
        new AllocationRoutes(request -> {
            if (calls.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return matcher.allocate(request);
        }).register(router);
        String body = "{\"regions\":[\"Flevoland\"],\"day\":\"2026-12-01\"}";
        try (ApiServer held = ApiServer.start(router, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(request(held, body),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> second = http.send(request(held, body), HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
            assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(second.body()).path("detail").asText()).contains("already running");
            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(http.send(request(held, body), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
        }
        assertThat(calls.get()).isEqualTo(2);
    }

    private static HttpRequest request(ApiServer target, String body) {
        return HttpRequest.newBuilder(URI.create(target.uri().toString()).resolve("/allocations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri().toString()).resolve("/allocations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JSON.readTree(r.body());
    }

    private static List<String> paths(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("path").asText()));
        return out;
    }
}
