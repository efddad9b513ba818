package nl.werkmatch.examples.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a method and a path to a handler. Templates are literal segments and {@code {name}} captures of one
 * segment each, written exactly as in the OpenAPI document so that the two can be compared. A path that no
 * template matches is a 404; a path that matches only under other methods is a 405 naming the allowed ones.
 *
 * <p>Each route declares the {@link Role} it needs where it is registered ({@code router.get("/audit",
 * Role.AUDIT, handler)}); that declaration is the only place the access check and the role table read it from.
 * A route added without a role needs {@link Role#ADMIN}, so that a forgotten declaration fails closed.
 */
final class Router implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws IOException;
    }

    record Route(String method, String template, Role role, Handler handler) {
        String[] segments() {
            return template.substring(1).split("/", -1);
        }
    }

    /** A route that matched, with the path parameters it captured. */
    record Match(Route route, Map<String, String> pathParameters) {
    }

    /** Hears of each request once it is answered: its route template (null when none matched), status, time. */
    @FunctionalInterface
    interface RequestObserver {
        void answered(String method, String template, int status, long nanos);
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private RequestObserver observer = (method, template, status, nanos) -> { };

    /** Something the routes use that must end with them (closed by {@link #close()}, last added first). */
    <T extends AutoCloseable> T owns(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Closes what the routes own; a failure is logged and the others are still closed. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                Front.LOG.warning("a resource of the routes did not close cleanly: " + e);
            }
        }
        resources.clear();
    }

    /** A route that only {@link Role#ADMIN} may use (for routes whose author did not say). */
    Router add(String method, String template, Handler handler) {
        return add(method, template, Role.ADMIN, handler);
    }

    Router add(String method, String template, Role role, Handler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a template starts with /: " + template);
        }
        routes.add(new Route(method, template, role, handler));
        return this;
    }

    Router get(String template, Role role, Handler handler) {
        return add("GET", template, role, handler);
    }

    Router put(String template, Role role, Handler handler) {
        return add("PUT", template, role, handler);
    }

    Router post(String template, Role role, Handler handler) {
        return add("POST", template, role, handler);
    }

    Router delete(String template, Role role, Handler handler) {
        return add("DELETE", template, role, handler);
    }

    /** Every route as registered, in order (for the role table and its test). */
    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Told of every answered request (metrics); nothing by default. */
    Router observer(RequestObserver value) {
        this.observer = value;
        return this;
    }

    RequestObserver observer() {
        return observer;
    }

    /** Every method and template served, as "GET /profiles/{id}". */
    Set<String> operations() {
        Set<String> all = new TreeSet<>();
        routes.forEach(r -> all.add(r.method() + " " + r.template()));
        return all;
    }

    /**
     * The route for this request.
     *
     * @param segments the path's segments, already percent-decoded
     * @throws ApiException 404 when no route has this path, 405 when none has it under this method
     */
    Match resolve(String method, String path, List<String> segments) {
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> captured = capture(route.segments(), segments);
            if (captured == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, captured);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("no resource at " + path);
        }
        throw ApiException.methodNotAllowed(method, path, allowed);
    }

    private static Map<String, String> capture(String[] template, List<String> segments) {
        if (template.length != segments.size()) {
            return null;
        }
        Map<String, String> captured = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            String s = segments.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (s.isEmpty()) {
                    return null;
                }
                captured.put(t.substring(1, t.length() - 1), s);
            } else if (!t.equals(s)) {
                return null;
            }
        }
        return captured;
    }
}
