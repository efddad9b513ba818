package nl.werkmatch.examples.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.examples.BulkImport;
import nl.werkmatch.examples.RecordKind;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.Problem;

/**
 * PUT, GET and DELETE of one profile or vacancy, and the JSON Lines bulk upload. Every write is refreshed
 * before the answer so that the client's next read sees it.
 */
final class DocumentRoutes<T> {
    private final Matcher matcher;
    private final RecordKind<T> kind;
    private final Consumer<Collection<String>> written;

    DocumentRoutes(Matcher matcher, RecordKind<T> kind) {
        this(matcher, kind, ids -> { });
    }

    /** @param written told the ids written or deleted, after the matcher's refresh (to keep a search in step) */
    DocumentRoutes(Matcher matcher, RecordKind<T> kind, Consumer<Collection<String>> written) {
        this.matcher = matcher;
        this.kind = kind;
        this.written = written;
    }

    void register(Router router) {
        String one = "/" + kind.plural() + "/{id}";
        router.add("PUT", one, this::put)
                .add("GET", one, this::get)
                .add("DELETE", one, this::delete)
                .add("POST", "/" + kind.plural(), this::bulk);
    }

    private Response put(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJson();
        ObjectNode body = request.jsonObject(Limits.ONE_OBJECT);
        String id = request.pathParameter("id");
        JsonNode bodyId = body.get("id");
        if (bodyId != null && bodyId.isTextual() && !bodyId.asText().equals(id)) {
            throw ApiException.invalidInput("the id in the body differs from the id in the path",
                    List.of(new Problem("id", "is \"" + bodyId.asText() + "\" but the path says \"" + id + "\"")));
        }
        T value = kind.read(matcher.exchangeFormat(), body);
        boolean existed = kind.get(matcher, id).isPresent();
        kind.upsert(matcher, value);
        matcher.refresh();
        written.accept(List.of(id));
        Response response = Response.json(existed ? 200 : 201, kind.toJson(matcher.exchangeFormat(), value));
        return existed ? response : response.withHeader("Location", "/" + kind.plural() + "/" + PathEncoding.encode(id));
    }

    private Response get(Request request) {
        request.allowQuery(Set.of());
        String id = request.pathParameter("id");
        T value = kind.get(matcher, id).orElseThrow(() -> notFound(id));
        return Response.json(kind.toJson(matcher.exchangeFormat(), value));
    }

    private Response delete(Request request) {
        request.allowQuery(Set.of());
        String id = request.pathParameter("id");
        if (!kind.delete(matcher, id)) {
            throw notFound(id);
        }
        matcher.refresh();
        written.accept(List.of(id));
        return Response.noContent();
    }

    private Response bulk(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJsonLines();
        // Read whole (within the limit) so that a 413 means nothing was written.
        byte[] body = request.body(Limits.BULK);
        List<BulkImport.Rejected> rejected = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        BulkImport.Result result = new BulkImport<>(matcher, kind, 0, rejected::add, (read, bytes) -> { })
                .onBatch(batch -> batch.forEach(value -> ids.add(kind.id(value))))
                .run(new ByteArrayInputStream(body));
        matcher.refresh();
        written.accept(ids);
        ObjectNode answer = JsonNodeFactory.instance.objectNode()
                .put("read", result.read())
                .put("imported", result.imported());
        ArrayNode list = answer.putArray("rejected");
        for (BulkImport.Rejected r : rejected) {
            ObjectNode line = list.addObject().put("line", r.line());
            ArrayNode problems = line.putArray("problems");
            r.problems().forEach(p -> problems.addObject().put("path", p.path()).put("message", p.message()));
        }
        return Response.json(answer);
    }

    private ApiException notFound(String id) {
        return ApiException.notFound("no " + kind.singular() + " with id \"" + id + "\"");
    }
}
