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
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;

/** The routing, limits and problem documents, on a small router of test handlers. */
class FrontTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ApiServer server;

    @BeforeAll
    static void start() throws IOException {
        Router router = new Router()
                .add("GET", "/things/{id}", r -> Response.json(JsonNodeFactory.instance.objectNode().put("id", r.pathParameter("id"))))
                .add("PUT", "/things/{id}", r -> Response.json(r.requireJson().jsonObject(16)))
                .add("POST", "/big", r -> Response.json(JsonNodeFactory.instance.objectNode().put("bytes", r.body(1 << 20).length)))
                .add("GET", "/search", r -> {
                    r.allowQuery(java.util.Set.of("k", "explain"));
                    var body = JsonNodeFactory.instance.objectNode();
                    r.queryInt("k", 1, 100).ifPresent(k -> body.put("k", k));
                    r.queryBoolean("explain").ifPresent(e -> body.put("explain", e));
                    return Response.json(body);
                })
                .add("GET", "/invalid", r -> {
                    throw new InvalidInputException(List.of(new Problem("skills[0].id", "unknown skill \"x\"")));
                })
                .add("GET", "/boom", r -> {
                    throw new IllegalStateException("secret internals");
                });
        server = ApiServer.start(router, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).startsWith("urn:werkmatch:problem:");
        assertThat(body.has("title")).isTrue();
        assertThat(body.has("detail")).isTrue();
        assertThat(body.path("errors").isArray()).isTrue();
        return body;
    }

    @Test
    void capturesAPercentEncodedPathSegment() throws Exception {
        HttpResponse<String> r = send("GET", "/things/a%2Fb%20c", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("id").asText()).isEqualTo("a/b c");
    }

    @Test
    void unknownRouteIs404() throws Exception {
        assertThat(problem(send("GET", "/nothing/here", null, null), 404).path("detail").asText()).contains("/nothing/here");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = send("DELETE", "/things/1", null, null);
        problem(r, 405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, PUT");
    }

    @Test
    void badJsonIs400WithWhere() throws Exception {
        JsonNode p = problem(send("PUT", "/things/1", "{\"a\":", "application/json"), 400);
        assertThat(p.path("type").asText()).isEqualTo(ProblemTypes.BAD_JSON);
        assertThat(p.path("detail").asText()).contains("line 1");
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        problem(send("PUT", "/things/1", "{\"a\":\"" + "x".repeat(100) + "\"}", "application/json"), 413);
    }

    @Test
    void aLargeBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        String twoMiB = "x".repeat(2 << 20);
        problem(send("POST", "/big", twoMiB, "application/x-ndjson"), 413);
        HttpResponse<String> ok = send("POST", "/big", "x".repeat(1 << 20), "application/x-ndjson");
        assertThat(JSON.readTree(ok.body()).path("bytes").asInt()).isEqualTo(1 << 20);
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        problem(send("PUT", "/things/1", "{}", "text/csv"), 415);
    }

    @Test
    void badOrUnknownQueryParametersAreNamed() throws Exception {
        JsonNode p = problem(send("GET", "/search?k=zero", null, null), 400);
        assertThat(p.path("errors").get(0).path("path").asText()).isEqualTo("k");
        p = problem(send("GET", "/search?kk=1", null, null), 400);
        assertThat(p.path("errors").get(0).path("path").asText()).isEqualTo("kk");
        HttpResponse<String> ok = send("GET", "/search?k=5&explain", null, null);
        assertThat(JSON.readTree(ok.body()).path("explain").asBoolean()).isTrue();
    }

    @Test
    void invalidInputListsPaths() throws Exception {
        JsonNode p = problem(send("GET", "/invalid", null, null), 400);
        assertThat(p.path("errors").get(0).path("path").asText()).isEqualTo("skills[0].id");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() throws Exception {
        JsonNode p = problem(send("GET", "/boom", null, null), 500);
        assertThat(p.toString()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void malformedPathEncodingIs400() throws Exception {
        problem(CLIENT.send(HttpRequest.newBuilder(URI.create(server.uri() + "things/%C3%28")).build(), BodyHandlers.ofString()), 400);
    }
}
