package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Matcher;

/**
 * The routes that need the embedded engine: their classes register exactly the operations {@link EngineOnlyRoutes}
 * lists, and a store without an engine (as on a cluster) answers each of them 501 with a problem document that the
 * OpenAPI document announces, while every other route is served as before.
 */
class EngineOnlyRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachGroupListsExactlyTheOperationsItsClassRegisters() {
        try (Matcher matcher = Matcher.inMemory()) {
            for (EngineOnlyRoutes group : EngineOnlyRoutes.values()) {
                Router real = new Router();
                group.register(real, RecordStore.of(matcher));
                List<EngineOnlyRoutes.Operation> registered = real.routes().stream()
                        .map(r -> new EngineOnlyRoutes.Operation(r.method(), r.template(), r.role())).toList();
                assertThat(registered).as(group.name()).isEqualTo(group.operations());
            }
        }
    }

    @Test
    void withoutAnEngineTheyAnswer501AndEverythingElseIsServed() throws Exception {
        try (Matcher matcher = Matcher.inMemory()) {
            RecordStore noEngine = withoutEngine(RecordStore.of(matcher));
            Set<String> embedded;
            try (Router routes = Routes.of(matcher)) {
                embedded = routes.operations();
            }
            try (Router routes = Routes.of(noEngine)) {
                assertThat(routes.operations()).as("the same operations, so the OpenAPI document fits both")
                        .isEqualTo(embedded);
            }
            HttpClient http = HttpClient.newHttpClient();
            try (ApiServer server = ApiServer.start(noEngine, null,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ServerOptions.defaults())) {
                for (EngineOnlyRoutes group : EngineOnlyRoutes.values()) {
                    for (EngineOnlyRoutes.Operation op : group.operations()) {
                        String path = op.template().replace("{id}", "p-1");
                        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path));
                        b = op.method().equals("POST")
                                ? b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                                : b.GET();
                        HttpResponse<String> r = http.send(b.build(), BodyHandlers.ofString());
                        JsonNode problem = AccessTest.problem(r, 501);
                        assertThat(problem.path("type").asText()).isEqualTo(EngineOnlyRoutes.NEEDS_DATA_DIRECTORY);
                        assertThat(problem.path("detail").asText()).contains(op.toString(), "data directory");
                    }
                }
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri().resolve("/health")).build(),
                        BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(http.send(HttpRequest.newBuilder(server.uri().resolve("/profiles/p-1")).build(),
                        BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void theOpenApiDocumentAnnouncesThe501OnExactlyTheseOperations() throws IOException {
        JsonNode doc = JSON.readTree(ServiceRoutes.openapiDocument());
        Set<String> with501 = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().path("responses").has("501")) {
                with501.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        List<String> listed = new ArrayList<>();
        for (EngineOnlyRoutes group : EngineOnlyRoutes.values()) {
            group.operations().forEach(op -> listed.add(op.toString()));
        }
        assertThat(with501).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(doc.at("/components/responses/NeedsDataDirectory/description").asText()).contains("data directory");
    }

    /** The same store with no embedded engine, as a cluster is. */
    static RecordStore withoutEngine(RecordStore store) {
        return (RecordStore) Proxy.newProxyInstance(RecordStore.class.getClassLoader(), new Class<?>[] {RecordStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("engine")) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
