package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.json.JsonLinesReader;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/** The streamed bulk upload's summary and limits, and a PUT that reports every problem of its body at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkAndPutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BULK_LIMIT = 3L << 20;

    private final HttpClient http = HttpClient.newHttpClient();
    private Matcher matcher;
    private ApiServer server;
    private SyntheticWorld world;
    private ExchangeFormat format;

    @BeforeAll
    void start() throws IOException {
        matcher = Matcher.inMemory();
        world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(8).today(LocalDate.now()).build();
        format = matcher.exchangeFormat();
        server = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerOptions.defaults().withBulkLimit(BULK_LIMIT));
    }

    @AfterAll
    void stop() {
        server.close();
        matcher.close();
    }

    @Test
    void manyBadLinesAreCountedAndTheFirstThousandListed() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            body.append(i % 500 == 7 ? format.writeProfile(world.profile(i).toBuilder().id("bulk-ok-" + i).build())
                    : "{\"id\":\"x" + i + "\"}").append('\n');
        }
        HttpResponse<String> r = send("POST", "/profiles", body.toString(), "application/x-ndjson");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.path("read").asLong()).isEqualTo(1500);
        assertThat(answer.path("imported").asLong()).isEqualTo(3);
        assertThat(answer.path("rejectedCount").asLong()).isEqualTo(1497);
        assertThat(answer.path("rejectedTruncated").asBoolean()).isTrue();
        assertThat(answer.path("rejected").size()).isEqualTo(Limits.LISTED_REJECTIONS);
        assertThat(answer.path("rejected").get(0).path("line").asLong()).isEqualTo(1);
        assertThat(answer.path("rejected").get(0).path("problems").toString()).contains("workAuthorization");
        assertThat(send("GET", "/profiles/bulk-ok-1007", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anOverlongLineIs413AndTheLinesBeforeItStayWritten() throws Exception {
        String good = format.writeProfile(world.profile(3000).toBuilder().id("before-long-line").build());
        String after = format.writeProfile(world.profile(3001).toBuilder().id("after-long-line").build());
        String body = good + "\n{\"id\":\"" + "y".repeat(JsonLinesReader.MAX_LINE_BYTES) + "\"}\n" + after + "\n";
        JsonNode p = AccessTest.problem(send("POST", "/profiles", body, "application/x-ndjson"), 413);
        assertThat(p.path("type").asText()).isEqualTo(ProblemTypes.LINE_TOO_LONG);
        assertThat(p.path("detail").asText()).contains("line 2").contains("1 read, 1 imported, 0 rejected");
        assertThat(send("GET", "/profiles/before-long-line", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/profiles/after-long-line", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheBulkLimitIs413() throws Exception {
        String line = format.writeProfile(world.profile(4000).toBuilder().id("limit-0").build());
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() <= BULK_LIMIT + line.length(); i++) {
            body.append(line.replace("\"limit-0\"", "\"limit-" + i + "\"")).append('\n');
        }
        JsonNode p = AccessTest.problem(send("POST", "/profiles", body.toString(), "application/x-ndjson"), 413);
        assertThat(p.path("type").asText()).isEqualTo(ProblemTypes.PAYLOAD_TOO_LARGE);
        // Chunked, so that the limit is met while reading rather than from Content-Length.
        HttpRequest chunked = HttpRequest.newBuilder(server.uri().resolve("profiles"))
                .header("Content-Type", "application/x-ndjson")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build();
        JsonNode q = AccessTest.problem(http.send(chunked, BodyHandlers.ofString()), 413);
        assertThat(q.path("detail").asText()).contains("imported");
        assertThat(send("GET", "/profiles/limit-0", null, null).statusCode()).as("complete lines before the limit stay").isEqualTo(200);
    }

    @Test
    void aPutWithAnotherIdReportsEveryProblemOfTheBody() throws Exception {
        String body = "{\"id\":\"someone-else\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"},"
                + "\"skills\":[{\"id\":\"s-lassen\",\"evidence\":\"DECLARED\"}],\"dutch\":{\"speaking\":\"B3\"},\"colour\":\"red\"}";
        JsonNode p = AccessTest.problem(send("PUT", "/profiles/p-put", body, "application/json"), 400);
        Set<String> paths = new TreeSet<>();
        p.path("errors").forEach(e -> paths.add(e.path("path").asText()));
        assertThat(paths).contains("id", "dutch.speaking", "colour");
        assertThat(p.path("errors").get(0).path("path").asText()).isEqualTo("id");
        assertThat(send("GET", "/profiles/p-put", null, null).statusCode()).isEqualTo(404);

        // An unknown skill is found by the matcher's validation, and is reported with the id too.
        String unknownSkill = format.writeProfile(world.profile(5000).toBuilder().id("other").build())
                .replaceFirst("\"skills\":\\[\\{\"id\":\"[^\"]+\"", "\"skills\":[{\"id\":\"s-no-such-skill\"");
        JsonNode q = AccessTest.problem(send("PUT", "/profiles/p-put", unknownSkill, "application/json"), 400);
        assertThat(q.toString()).contains("\"path\":\"id\"").contains("s-no-such-skill");
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path.substring(1)))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }
}
