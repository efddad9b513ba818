package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Suppliers;

import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.taxonomy.LabelSearch;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/** Skill look-up, health and the OpenAPI document. */
final class ServiceRoutes {
    static final String OPENAPI_RESOURCE = "openapi.json";
    static final int MAX_SKILL_HITS = 100;

    private final RecordStore matcher;
    // Built on first use: an index of every label is not free for ESCO and only /skills needs it.
    private final Supplier<LabelSearch> labels;
    private final byte[] openapi;

    ServiceRoutes(RecordStore matcher) {
        this.matcher = matcher;
        this.labels = Suppliers.memoize(() -> LabelSearch.of(matcher.taxonomy()));
        this.openapi = openapiDocument();
    }

    void register(Router router) {
        router.get("/skills", Role.READ, this::skills)
                .get("/health", Role.PUBLIC, this::health)
                .get("/openapi.json", Role.READ, request -> Response.raw(Response.JSON, openapi));
    }

    static byte[] openapiDocument() {
        try (InputStream in = ServiceRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response skills(Request request) {
        request.allowQuery(Set.of("q", "lang", "limit"));
        String q = request.query("q").filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.badParameter("q", "required: the words to look for"));
        String lang = request.query("lang").filter(s -> !s.isBlank()).orElse(null);
        int limit = request.queryInt("limit", 1, MAX_SKILL_HITS).orElse(10);
        List<LabelSearch.LabelHit> hits = labels.get().search(q, lang, limit, LabelSearch.Kind.ANY);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = answer.putArray("hits");
        for (LabelSearch.LabelHit hit : hits) {
            list.addObject()
                    .put("id", hit.id())
                    .put("kind", hit.kind().name())
                    .put("label", hit.label())
                    .put("matchedLabel", hit.matchedLabel())
                    .put("language", hit.language())
                    .put("score", hit.score());
        }
        return Response.json(answer);
    }

    private Response health(Request request) {
        request.allowQuery(Set.of());
        SkillTaxonomy t = matcher.taxonomy();
        ObjectNode answer = JsonNodeFactory.instance.objectNode()
                .put("status", "UP")
                .put("profiles", matcher.profileCount())
                .put("vacancies", matcher.vacancyCount());
        answer.putObject("taxonomy")
                .put("id", t.id())
                .put("version", t.version())
                .put("fingerprint", t.fingerprint());
        return Response.json(answer);
    }
}
