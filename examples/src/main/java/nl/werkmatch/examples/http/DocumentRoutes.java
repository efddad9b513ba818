package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.examples.BulkImport;
import nl.werkmatch.examples.RecordKind;
import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.BulkLoad;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.json.JsonLinesReader;

/**
 * PUT, GET and DELETE of one profile or vacancy, and the JSON Lines bulk upload. Every write is refreshed
 * before the answer so that the client's next read sees it. Records leave without their audit fields unless the
 * caller holds the audit (or admin) role.
 */
final class DocumentRoutes<T> {
    /** At most this many problems of one rejected line are listed, each message cut to this length. */
    private static final int PROBLEMS_PER_LINE = 10;
    private static final int MESSAGE_CHARS = 300;

    /** During a bulk upload, the write listener is told after at most this many ids (bounded memory). */
    static final int SYNC_EVERY = 10_000;
    private static final Consumer<Collection<String>> NOBODY = ids -> { };

    private final RecordStore matcher;
    private final RecordKind<T> kind;
    private final Housekeeping house;
    private final Consumer<Collection<String>> written;

    DocumentRoutes(RecordStore matcher, RecordKind<T> kind, Housekeeping house) {
        this(matcher, kind, house, NOBODY);
    }

    /** @param written told the ids written or deleted, after the matcher's refresh (to keep a search in step) */
    DocumentRoutes(RecordStore matcher, RecordKind<T> kind, Housekeeping house, Consumer<Collection<String>> written) {
        this.matcher = matcher;
        this.kind = kind;
        this.house = house;
        this.written = written;
    }

    void register(Router router) {
        String one = "/" + kind.plural() + "/{id}";
        router.put(one, Role.WRITE, this::put)
                .get(one, Role.READ, this::get)
                .delete(one, Role.WRITE, this::delete)
                .post("/" + kind.plural(), Role.WRITE, this::bulk);
    }

    private Response put(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJson();
        ObjectNode body = request.jsonObject(Limits.ONE_OBJECT);
        String id = request.pathParameter("id");
        // Every problem of the body at once: a differing id is one of them, not a reason to hide the others.
        List<Problem> problems = new ArrayList<>();
        JsonNode bodyId = body.get("id");
        if (bodyId != null && bodyId.isTextual() && !bodyId.asText().equals(id)) {
            problems.add(new Problem("id", "is \"" + bodyId.asText() + "\" but the path says \"" + id + "\""));
        }
        T value = null;
        try {
            value = kind.read(matcher.exchangeFormat(), body);
            problems.addAll(kind.validate(matcher, value));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            String detail = problems.get(0).path().equals("id") && problems.size() == 1
                    ? "the id in the body differs from the id in the path"
                    : "the " + kind.singular() + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s");
            throw ApiException.invalidInput(detail, problems);
        }
        boolean existed = kind.get(matcher, id).isPresent();
        kind.upsert(matcher, value);
        matcher.refresh();
        house.written();
        written.accept(List.of(id));
        Response response = Response.json(existed ? 200 : 201, visible(request, kind.toJson(matcher.exchangeFormat(), value)));
        return existed ? response : response.withHeader("Location", "/" + kind.plural() + "/" + PathEncoding.encode(id));
    }

    private Response get(Request request) {
        request.allowQuery(Set.of());
        String id = request.pathParameter("id");
        T value = kind.get(matcher, id).orElseThrow(() -> notFound(id));
        return Response.json(visible(request, kind.toJson(matcher.exchangeFormat(), value)));
    }

    /** The record as this caller may see it: without its audit fields unless the caller may audit. */
    private static ObjectNode visible(Request request, ObjectNode record) {
        if (!request.caller().seesAudit()) {
            record.remove("audit");
        }
        return record;
    }

    private Response delete(Request request) {
        request.allowQuery(Set.of());
        String id = request.pathParameter("id");
        if (!kind.delete(matcher, id)) {
            throw notFound(id);
        }
        matcher.refresh();
        house.written();
        written.accept(List.of(id));
        return Response.noContent();
    }

    /**
     * Reads the body line by line as it arrives and writes in batches; answers a summary: counts and the first
     * {@value Limits#LISTED_REJECTIONS} rejected lines. Nothing grows with the size of the body.
     */
    private Response bulk(Request request) throws IOException {
        request.allowQuery(Set.of()).requireJsonLines();
        List<BulkImport.Rejected> listed = new ArrayList<>();
        BulkImport<T> importer = new BulkImport<>(matcher, kind, 0, r -> {
            if (listed.size() < Limits.LISTED_REJECTIONS) {
                listed.add(shortened(r));
            }
        }, (read, bytes) -> { });
        // Ids of the batches given to the matcher (also of a run cut short by a limit), passed on every
        // SYNC_EVERY ids after a refresh so that keeping a search in step holds no more than that many.
        List<String> ids = new ArrayList<>();
        if (written != NOBODY) {
            importer.onBatch(batch -> {
                batch.forEach(value -> ids.add(kind.id(value)));
                if (ids.size() >= SYNC_EVERY) {
                    matcher.refresh();
                    written.accept(List.copyOf(ids));
                    ids.clear();
                }
            });
        }
        BulkImport.Result result;
        // the embedded engine holds back its large merges until the body is written (Matcher.bulkLoad)
        Optional<BulkLoad> load = matcher.engine().map(Matcher::bulkLoad);
        try (InputStream body = new LineLimitInputStream(request.bodyStream(request.bulkLimit()),
                JsonLinesReader.MAX_LINE_BYTES)) {
            result = importer.run(body);
        } catch (LineLimitInputStream.LineTooLongException e) {
            throw new ApiException(413, ProblemTypes.LINE_TOO_LONG, "Line too long",
                    e.getMessage() + "; the lines before it were processed (" + counts(importer.soFar())
                            + ") and nothing after it was read", List.of(new Problem("line " + e.line(), e.getMessage())));
        } catch (ApiException e) {
            if (e.status() == 413) {
                throw new ApiException(413, ProblemTypes.PAYLOAD_TOO_LARGE, e.title(), e.getMessage()
                        + "; the complete lines before the limit were processed (" + counts(importer.soFar()) + ")", List.of());
            }
            throw e;
        } finally {
            load.ifPresent(BulkLoad::close);
            matcher.refresh();
            house.written();
            if (!ids.isEmpty()) {
                written.accept(ids);
            }
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode()
                .put("read", result.read())
                .put("imported", result.imported())
                .put("rejectedCount", result.rejected())
                .put("rejectedTruncated", result.rejected() > listed.size());
        ArrayNode list = answer.putArray("rejected");
        for (BulkImport.Rejected r : listed) {
            ObjectNode line = list.addObject().put("line", r.line());
            ArrayNode problems = line.putArray("problems");
            r.problems().forEach(p -> problems.addObject().put("path", p.path()).put("message", p.message()));
        }
        return Response.json(answer);
    }

    private static String counts(BulkImport.Result r) {
        return r.read() + " read, " + r.imported() + " imported, " + r.rejected() + " rejected";
    }

    /** A rejected line with a bounded number of problems of bounded length, so that listing it is cheap. */
    private static BulkImport.Rejected shortened(BulkImport.Rejected r) {
        List<Problem> problems = new ArrayList<>();
        for (Problem p : r.problems()) {
            if (problems.size() == PROBLEMS_PER_LINE) {
                problems.add(new Problem("", (r.problems().size() - PROBLEMS_PER_LINE) + " more problems not listed"));
                break;
            }
            problems.add(new Problem(cut(p.path()), cut(p.message())));
        }
        return new BulkImport.Rejected(r.line(), problems);
    }

    private static String cut(String s) {
        return s.length() <= MESSAGE_CHARS ? s : s.substring(0, MESSAGE_CHARS) + "...";
    }

    private ApiException notFound(String id) {
        return ApiException.notFound("no " + kind.singular() + " with id \"" + id + "\"");
    }
}
