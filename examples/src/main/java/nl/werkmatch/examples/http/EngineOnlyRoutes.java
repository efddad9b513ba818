package nl.werkmatch.examples.http;

import java.util.List;
import java.util.function.Function;

import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Matcher;

/**
 * The routes that run on the embedded engine only (advice, the audit, allocation). Over a data directory they are
 * registered as they are; on a cluster the same methods, paths and roles answer a 501 problem document that names
 * the route and says it needs a data directory, so that a client (and the web page's panels) learns why instead of
 * getting a 404.
 */
final class EngineOnlyRoutes {
    /** The problem type of a route this backend cannot serve. */
    static final String NEEDS_DATA_DIRECTORY = "urn:werkmatch:problem:needs-data-directory";

    private EngineOnlyRoutes() {
    }

    /** Registers each of {@code routes}, built over the store's engine, or answering 501 where there is none. */
    static void register(Router router, RecordStore store, List<Function<Matcher, RouteGroup>> routes) {
        for (Function<Matcher, RouteGroup> group : routes) {
            if (store.engine().isPresent()) {
                group.apply(store.engine().get()).register(router);
                continue;
            }
            // The group's own registration, into a scratch router, gives the methods, templates and roles: they
            // stay those of the real routes when those change. Registering does not touch the (absent) engine.
            Router scratch = new Router();
            group.apply(null).register(scratch);
            for (Router.Route route : scratch.routes()) {
                String name = route.method() + " " + route.template();
                router.add(route.method(), route.template(), route.role(), request -> {
                    throw notImplemented(name);
                });
            }
        }
    }

    static ApiException notImplemented(String route) {
        return new ApiException(501, NEEDS_DATA_DIRECTORY, "Not available on this backend",
                route + " runs on the embedded engine only and needs a data directory: this server serves an "
                        + "OpenSearch cluster (werkmatch serve --opensearch). Start it with --data DIR for advice, "
                        + "the audit and allocation.", List.of());
    }

    /** Routes that register themselves (the constructors of the engine-only route classes). */
    @FunctionalInterface
    interface RouteGroup {
        void register(Router router);
    }
}
