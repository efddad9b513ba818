package nl.werkmatch.examples.http;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import nl.werkmatch.examples.RecordStore;

/** Operating the service: erasing deleted records from disk, and the metrics. Admin only. */
final class AdminRoutes {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final RecordStore matcher;
    private final Housekeeping house;
    private final ServiceMetrics metrics;
    private final Runnable purgeCopies;

    /** @param purgeCopies erases deleted records from what the service keeps beside the matcher (the vacancy search) */
    AdminRoutes(RecordStore matcher, Housekeeping house, ServiceMetrics metrics, Runnable purgeCopies) {
        this.matcher = matcher;
        this.house = house;
        this.metrics = metrics;
        this.purgeCopies = purgeCopies;
    }

    void register(Router router) {
        router.post("/admin/purge", Role.ADMIN, this::purge)
                .get("/metrics", Role.ADMIN, this::metrics);
    }

    /**
     * Removes deleted records from the index files (not only from results) and commits, and from the service's
     * own copies: erasure under the GDPR.
     */
    private Response purge(Request request) {
        request.allowQuery(Set.of());
        long start = System.nanoTime();
        matcher.purgeDeleted();
        house.committed();
        purgeCopies.run();
        return Response.json(JsonNodeFactory.instance.objectNode()
                .put("purged", true)
                .put("profiles", matcher.profileCount())
                .put("vacancies", matcher.vacancyCount())
                .put("millis", (System.nanoTime() - start) / 1_000_000));
    }

    private Response metrics(Request request) {
        request.allowQuery(Set.of());
        return Response.raw(PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
