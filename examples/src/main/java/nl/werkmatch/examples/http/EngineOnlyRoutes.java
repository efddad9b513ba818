package nl.werkmatch.examples.http;

import java.util.List;
import java.util.function.Function;

import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Matcher;

/**
 * The routes that run on the embedded engine only (advice, the audit, allocation). Over a data directory they are
 * registered as they are; on a cluster the same methods, paths and roles answer a 501 problem document that names
 * the route and says it needs a data directory, so that a client (and the web page's panels) learns why instead of
 * getting a 404. {@code EngineOnlyRoutesTest} checks that each group's operations are those its class registers.
 */
enum EngineOnlyRoutes {
    ALLOCATION(m -> new AllocationRoutes(m)::register, List.of(new Operation("POST", "/allocations", Role.READ))),
    ADVICE(m -> new AdviceRoutes(m)::register, List.of(
            new Operation("GET", "/profiles/{id}/advice", Role.READ),
            new Operation("GET", "/vacancies/{id}/advice", Role.READ),
            new Operation("POST", "/advice", Role.READ))),
    AUDIT(m -> new AuditRoutes(m)::register, List.of(new Operation("GET", "/audit", Role.AUDIT)));

    /** The problem type of a route this backend cannot serve. */
    static final String NEEDS_DATA_DIRECTORY = "urn:werkmatch:problem:needs-data-directory";

    /** One route: its method, template and the role it needs. */
    record Operation(String method, String template, Role role) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Routes that register themselves (the engine-only route classes, built over an engine). */
    @FunctionalInterface
    interface RouteGroup {
        void register(Router router);
    }

    private final Function<Matcher, RouteGroup> routes;
    private final List<Operation> operations;

    EngineOnlyRoutes(Function<Matcher, RouteGroup> routes, List<Operation> operations) {
        this.routes = routes;
        this.operations = operations;
    }

    /** The operations of this group, as its route class registers them. */
    List<Operation> operations() {
        return operations;
    }

    /** Registers this group's routes over the store's engine, or, where it has none, the same operations as 501s. */
    void register(Router router, RecordStore store) {
        if (store.engine().isPresent()) {
            routes.apply(store.engine().get()).register(router);
            return;
        }
        for (Operation operation : operations) {
            // Answered, not thrown: the front logs thrown 5xx as failures, and this one is the expected answer.
            router.add(operation.method(), operation.template(), operation.role(),
                    request -> Front.problem(notImplemented(operation.toString())));
        }
    }

    static ApiException notImplemented(String route) {
        return new ApiException(501, NEEDS_DATA_DIRECTORY, "Not available on this backend",
                route + " runs on the embedded engine only and needs a data directory: this server serves an "
                        + "OpenSearch cluster (werkmatch serve --opensearch). Start it with --data DIR for advice, "
                        + "the audit and allocation.", List.of());
    }
}
