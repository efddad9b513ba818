package nl.werkmatch.opensearch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP to one OpenSearch endpoint with the JDK's client: a request, its status and its parsed body, or a
 * {@link ClusterException} that names the endpoint, the request and OpenSearch's reason.
 */
final class Http implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;

    Http(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A response: its HTTP status and its body as JSON (missing when it had none). */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    URI base() {
        return base;
    }

    /** Sends a request and returns the response whatever its status; only an unreachable cluster throws. */
    Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new ClusterException("cannot reach OpenSearch at " + base + " (" + e.getMessage() + ")", e);
        } catch (HttpTimeoutException e) {
            throw new ClusterException("OpenSearch at " + base + " did not answer " + method + " /" + path + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ClusterException("talking to OpenSearch at " + base + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for OpenSearch at " + base, e);
        }
        JsonNode json = MissingNode.getInstance();
        byte[] bytes = response.body();
        if (bytes != null && bytes.length > 0) {
            try {
                json = JSON.readTree(bytes);
            } catch (IOException e) {
                // not JSON (a proxy's error page, say): keep a short piece of it for the message
                json = JSON.getNodeFactory().textNode(new String(bytes, 0, Math.min(bytes.length, 300),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return new Response(response.statusCode(), json);
    }

    /** Sends a JSON request and returns the body of a 2xx answer; any other status throws with OpenSearch's reason. */
    JsonNode json(String method, String path, Object body) {
        Response r = send(method, path, body == null ? null : write(body), "application/json");
        if (!r.ok()) {
            throw refused(method, path, r);
        }
        return r.body();
    }

    /** The error for a refused request: the status and OpenSearch's own reason. */
    ClusterException refused(String method, String path, Response r) {
        return new ClusterException("OpenSearch at " + base + " refused " + method + " /" + path + ": " + r.status()
                + " " + reason(r.body()));
    }

    /** OpenSearch's reason in an error body ({@code error.root_cause[0].reason} or {@code error.reason}). */
    static String reason(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode root = error.path("root_cause").path(0);
        String type = root.path("type").asText(error.path("type").asText(""));
        String reason = root.path("reason").asText(error.path("reason").asText(""));
        if (reason.isEmpty()) {
            return body.isMissingNode() ? "(no body)" : body.toString();
        }
        return type.isEmpty() ? reason : type + ": " + reason;
    }

    /** Releases the client's connections and threads. */
    @Override
    public void close() {
        client.close();
    }

    static String write(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }
}
