package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.werkmatch.examples.http.ApiServer;
import nl.werkmatch.examples.http.ServerOptions;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.opensearch.ClusterMatcher;
import nl.werkmatch.opensearch.LocalCluster;

/**
 * {@code werkmatch serve --opensearch URL} on a real 2-node cluster (started once for the class), beside the same
 * service over the embedded engine with the same records: the HTTP answers must be the same, and the routes that need
 * the embedded engine answer 501.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeOnClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private CommandLine cli;
    private CompletableFuture<Integer> exit;
    private StringWriter err;
    private URI cluster;
    private Matcher matcher;
    private ApiServer embedded;
    private SyntheticWorld world;
    private ExchangeFormat format;

    @BeforeAll
    void start() throws Exception {
        URI url = LocalCluster.url();   // skips the class when the OpenSearch artifacts cannot be had
        cli = new CommandLine(new WerkmatchCli());
        StringWriter out = new StringWriter();
        err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--opensearch", url.toString(), "--port", "0"));
        cluster = awaitUrl(out);

        matcher = Matcher.inMemory();
        world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(5).today(LocalDate.now()).build();
        format = matcher.exchangeFormat();
        embedded = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        // The same records into both, through the same bulk route.
        String profiles = lines(world.profiles(200).map(format::writeProfile).toList());
        String vacancies = lines(world.vacancies(60).map(format::writeVacancy).toList());
        for (URI base : List.of(cluster, embedded.uri())) {
            assertThat(send(base, "POST", "/profiles", profiles).statusCode()).isEqualTo(200);
            assertThat(send(base, "POST", "/vacancies", vacancies).statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (exit != null) {
            ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
            serve.stop.complete(null);
            assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        }
        if (embedded != null) {
            embedded.close();
            matcher.close();
        }
    }

    @Test
    void aBulkImportReportsTheBadLineByNumberWithItsPathAndMessage() throws Exception {
        Profile good = world.profile(5000).toBuilder().id("bulk-good").build();
        Profile unknownSkill = world.profile(5001).toBuilder().id("bulk-bad")
                .skill("s-no-such-skill", nl.werkmatch.matcher.model.Evidence.DECLARED).build();
        String body = lines(List.of(format.writeProfile(good), format.writeProfile(unknownSkill), "{\"id\": 3}"));
        HttpResponse<String> onCluster = send(cluster, "POST", "/profiles", body);
        assertThat(onCluster.statusCode()).as(onCluster.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(onCluster.body());
        assertThat(answer.path("read").asLong()).isEqualTo(3);
        assertThat(answer.path("imported").asLong()).isEqualTo(1);
        assertThat(answer.path("rejectedCount").asLong()).isEqualTo(2);
        // The format's refusals are listed as they are read, the store's when their batch is written.
        java.util.Map<Long, JsonNode> byLine = new java.util.TreeMap<>();
        answer.path("rejected").forEach(r -> byLine.put(r.path("line").asLong(), r.path("problems")));
        assertThat(byLine.keySet()).containsExactly(2L, 3L);
        assertThat(byLine.get(2L).toString()).contains("s-no-such-skill");
        assertThat(byLine.get(2L).get(0).path("path").asText()).startsWith("skills");
        assertThat(byLine.get(3L).get(0).path("path").asText()).isNotEmpty();
        assertThat(answer).as("the same summary as the embedded engine's")
                .isEqualTo(JSON.readTree(send(embedded.uri(), "POST", "/profiles", body).body()));
        assertThat(send(cluster, "GET", "/profiles/bulk-good", null).statusCode()).isEqualTo(200);
        assertThat(send(cluster, "GET", "/profiles/bulk-bad", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theCandidatesOfAVacancyAreTheEmbeddedEnginesPage() throws Exception {
        int compared = 0;
        for (Vacancy v : world.vacancies(60).limit(12).toList()) {
            for (String query : List.of("?k=10", "?k=5&offset=5&explain=true", "?k=20&withinKm=40&total=true", "?k=10&requireEssentialSkills=true&lang=en")) {
                String path = "/vacancies/" + v.id() + "/candidates" + query;
                HttpResponse<String> a = send(cluster, "GET", path, null);
                HttpResponse<String> b = send(embedded.uri(), "GET", path, null);
                assertThat(a.statusCode()).as(path + ": " + a.body()).isEqualTo(b.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(a.body())).as(path).isEqualTo(JSON.readTree(b.body()));
                compared += JSON.readTree(a.body()).path("matches").size();
            }
        }
        assertThat(compared).as("the pages compared are not all empty").isGreaterThan(20);
        Vacancy unstored = world.vacancy(7000).toBuilder().id("v-posted").build();
        String posted = "{\"vacancy\": " + format.writeVacancy(unstored) + ", \"k\": 10}";
        HttpResponse<String> a = send(cluster, "POST", "/match", posted);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(JSON.readTree(a.body())).isEqualTo(JSON.readTree(send(embedded.uri(), "POST", "/match", posted).body()));
        Profile p = world.profiles(200).findFirst().orElseThrow();
        String path = "/profiles/" + p.id() + "/vacancies?k=10";
        assertThat(JSON.readTree(send(cluster, "GET", path, null).body()))
                .isEqualTo(JSON.readTree(send(embedded.uri(), "GET", path, null).body()));
    }

    @Test
    void theWebPagesVacancySearchIsFedFromTheCluster() throws Exception {
        String path = "/vacancies?limit=20";
        HttpResponse<String> a = send(cluster, "GET", path, null);
        for (int i = 0; a.statusCode() == 503 && i < 600; i++) {   // built in the background after the start
            Thread.sleep(100);
            a = send(cluster, "GET", path, null);
        }
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        JsonNode hits = JSON.readTree(a.body());
        assertThat(hits.path("total").asLong()).as("every vacancy written over HTTP is in the search").isEqualTo(60);
        HttpResponse<String> b = send(embedded.uri(), "GET", path, null);
        for (int i = 0; b.statusCode() == 503 && i < 600; i++) {
            Thread.sleep(100);
            b = send(embedded.uri(), "GET", path, null);
        }
        assertThat(hits).isEqualTo(JSON.readTree(b.body()));

        // A second service started on the cluster now builds its search from the vacancies already there.
        try (ClusterMatcher again = ClusterMatcher.builder(LocalCluster.url()).taxonomy(matcher.taxonomy()).build();
             ApiServer second = ApiServer.start(RecordStore.of(again), null,
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ServerOptions.defaults())) {
            HttpResponse<String> c = send(second.uri(), "GET", path, null);
            for (int i = 0; c.statusCode() == 503 && i < 600; i++) {
                Thread.sleep(100);
                c = send(second.uri(), "GET", path, null);
            }
            assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
            assertThat(JSON.readTree(c.body())).isEqualTo(hits);
        }
    }

    @Test
    void aDeletedProfileIsGoneAfterTheRefresh() throws Exception {
        Vacancy v = world.vacancies(60).skip(20).filter(x -> {
            try {
                return JSON.readTree(send(cluster, "GET", "/vacancies/" + x.id() + "/candidates?k=5", null).body())
                        .path("matches").size() > 0;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).findFirst().orElseThrow();
        String candidates = "/vacancies/" + v.id() + "/candidates?k=50";
        String best = JSON.readTree(send(cluster, "GET", candidates, null).body()).path("matches").get(0).path("id")
                .asText();

        assertThat(send(cluster, "DELETE", "/profiles/" + best, null).statusCode()).isEqualTo(204);
        assertThat(send(cluster, "GET", "/profiles/" + best, null).statusCode()).isEqualTo(404);
        assertThat(send(cluster, "DELETE", "/profiles/" + best, null).statusCode()).isEqualTo(404);
        JsonNode after = JSON.readTree(send(cluster, "GET", candidates, null).body()).path("matches");
        assertThat(after.findValuesAsText("id")).doesNotContain(best);
        assertThat(send(embedded.uri(), "DELETE", "/profiles/" + best, null).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(send(cluster, "GET", candidates, null).body()))
                .isEqualTo(JSON.readTree(send(embedded.uri(), "GET", candidates, null).body()));
    }

    @Test
    void adviceTheAuditAndAllocationAnswer501NamingTheRouteAndTheDataDirectory() throws Exception {
        String profile = world.profiles(200).findFirst().orElseThrow().id();
        String vacancy = world.vacancies(60).findFirst().orElseThrow().id();
        List<String[]> routes = List.of(
                new String[] {"GET", "/profiles/" + profile + "/advice", "GET /profiles/{id}/advice"},
                new String[] {"GET", "/vacancies/" + vacancy + "/advice", "GET /vacancies/{id}/advice"},
                new String[] {"POST", "/advice", "POST /advice"},
                new String[] {"GET", "/audit", "GET /audit"},
                new String[] {"POST", "/allocations", "POST /allocations"});
        for (String[] route : routes) {
            HttpResponse<String> r = send(cluster, route[0], route[1], route[0].equals("POST") ? "{}" : null);
            assertThat(r.statusCode()).as(route[1] + ": " + r.body()).isEqualTo(501);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("status").asInt()).isEqualTo(501);
            assertThat(problem.path("detail").asText()).contains(route[2]).contains("data directory");
        }
        assertThat(send(embedded.uri(), "GET", "/profiles/" + profile + "/advice", null).statusCode())
                .as("the embedded engine gives advice").isEqualTo(200);
        HttpResponse<String> health = send(cluster, "GET", "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    private HttpResponse<String> send(URI base, String method, String path, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", path.equals("/profiles") || path.equals("/vacancies") ? "application/x-ndjson"
                    : "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(b.build(), BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String lines(List<String> records) {
        return String.join("\n", records) + "\n";
    }

    private URI awaitUrl(StringWriter out) throws InterruptedException {
        Pattern url = Pattern.compile("(http://\\S+?/) ");
        for (int i = 0; i < 1200; i++) {
            java.util.regex.Matcher m = url.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (exit.isDone()) {
                throw new AssertionError("serve --opensearch ended early with " + exit.join() + ": " + out + err);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve --opensearch printed no URL: " + out + err);
    }
}
