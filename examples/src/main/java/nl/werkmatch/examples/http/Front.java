package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import nl.werkmatch.matcher.Problem;

/**
 * The one Jetty handler of the server: routes, checks the caller's key against the role the route declares,
 * bounds the requests running at once, turns every failure into a problem document, and logs one line per
 * request. The log keeps the detail of an unexpected failure; the client only learns that it happened.
 *
 * <p>The request log holds personal data of nobody: the method, the route template (never the path with its
 * ids), the status, the time, the key's name, and of the query only the values that are numbers or booleans.
 * Never a body, never a token.
 */
final class Front extends Handler.Abstract {
    static final Logger LOG = Logger.getLogger("nl.werkmatch.http");

    private final Router router;
    private final ServerOptions options;
    private final Semaphore running;

    Front(Router router, ServerOptions options) {
        super(InvocationType.BLOCKING); // handlers block on Lucene and on reading bodies: run them on their own thread
        this.router = router;
        this.options = options;
        this.running = new Semaphore(options.maxConcurrentRequests());
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
            Callback callback) {
        long start = System.nanoTime();
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        Router.Match match = null;
        ApiException unrouted = null;
        try {
            match = router.resolve(method, rawPath, segments(rawPath));
        } catch (ApiException e) {
            unrouted = e;
        }
        String template = match == null ? null : match.route().template();
        Caller caller = null;
        boolean holds = false;
        boolean reachedHandler = false;
        Response answer;
        try {
            Role needed = match == null ? Role.READ : match.route().role();
            caller = authenticate(request, needed, method, template);
            if (unrouted != null) {
                throw unrouted;
            }
            if (needed != Role.PUBLIC) { // health stays answerable under load
                if (!running.tryAcquire()) {
                    throw ApiException.overloaded(options.maxConcurrentRequests());
                }
                holds = true;
            }
            reachedHandler = true;
            answer = match.route().handler().handle(new Request(request, match.pathParameters(), caller, options.bulkLimit()));
        } catch (Exception e) {
            if (!reachedHandler) {
                discardUnread(request);
            }
            ApiException problem = ErrorMapping.toProblem(e);
            if (problem.status() >= 500 && problem.status() != 503) {
                LOG.log(Level.WARNING, method + " " + (template == null ? "(no route)" : template) + " failed", e);
            }
            answer = problem(problem);
        }
        try {
            send(response, answer);
            callback.succeeded();
        } catch (Throwable e) {
            // The client went away while we answered; nothing left to tell it.
            LOG.log(Level.FINE, "could not send the response", e);
            callback.failed(e);
        } finally {
            if (holds) {
                running.release();
            }
        }
        long nanos = System.nanoTime() - start;
        int status = answer.status();
        String who = caller == null ? "?" : caller.name();
        String query = loggableQuery(request.getHttpURI().getQuery());
        LOG.info(() -> method + " " + (template == null ? "(no route)" : template) + query + " " + status + " "
                + nanos / 1_000_000 + " ms key=" + who);
        router.observer().answered(method, template, status, nanos);
        return true;
    }

    /**
     * Reads and drops up to 1 MiB of a body no handler read (a 401, 403, 404 or 503 answered before any handler
     * ran): closing a connection with unread data makes TCP reset it, and the client would lose the answer.
     */
    private static void discardUnread(org.eclipse.jetty.server.Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] sink = new byte[8192];
            long left = 1L << 20;
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not read the rest of a refused request", e);
        }
    }

    /** The caller, when the route may be used with the key the request presents (any caller without keys). */
    private Caller authenticate(org.eclipse.jetty.server.Request request, Role needed, String method, String template) {
        ApiKeys keys = options.keys();
        if (keys == null) {
            return Caller.LOCAL;
        }
        if (needed == Role.PUBLIC) {
            return new Caller("-", java.util.Set.of());
        }
        String header = request.getHeaders().get("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("this server needs an API key: send the header \"Authorization: Bearer <token>\"", false);
        }
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer") || header.substring(space + 1).isBlank()) {
            throw ApiException.unauthorized("the Authorization header must be \"Bearer <token>\"", true);
        }
        Optional<ApiKeys.Key> key = keys.authenticate(header.substring(space + 1).trim());
        if (key.isEmpty()) {
            throw ApiException.unauthorized("the API key is not known here (mistyped or revoked)", true);
        }
        Caller caller = new Caller(key.get().name(), key.get().roles());
        if (!caller.may(needed)) {
            throw ApiException.forbidden("the key \"" + caller.name() + "\" does not have the role \"" + needed.label()
                    + "\" that " + method + " " + (template == null ? "this path" : template) + " needs");
        }
        return caller;
    }

    /**
     * The query as the log may show it: names with values that are numbers or booleans; any other value (a
     * search text, a region name, an id) is replaced by "*".
     */
    static String loggableQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,39}")) {
                name = "*";
            }
            boolean plain = value.matches("-?[0-9]{1,12}(\\.[0-9]{1,12})?")
                    || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") || value.isEmpty();
            if (out.length() > 1) {
                out.append('&');
            }
            out.append(name).append('=').append(plain ? value.toLowerCase(Locale.ROOT) : "*");
        }
        return out.length() == 1 ? "" : out.toString();
    }

    static Response problem(ApiException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        ArrayNode list = body.putArray("errors");
        for (Problem p : e.errors()) {
            list.addObject().put("path", p.path()).put("message", p.message());
        }
        return new Response(e.status(), Response.PROBLEM_JSON, Response.bytes(body), e.headers());
    }

    static String contentTypeHeader(String type) {
        return type.startsWith("application/") && type.endsWith("json") ? type + "; charset=utf-8" : type;
    }

    private static void send(org.eclipse.jetty.server.Response response, Response answer) throws IOException {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        if (answer.contentType() != null) {
            headers.put("Content-Type", contentTypeHeader(answer.contentType()));
        }
        answer.headers().forEach(headers::put);
        byte[] body = answer.body();
        if (body.length > 0) {
            headers.put("Content-Length", Integer.toString(body.length));
        }
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, body.length == 0 ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), written);
            written.block();
        }
    }

    /** The raw path's segments, percent-decoded one by one so that an encoded "/" stays inside its segment. */
    static List<String> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw ApiException.notFound("no resource at " + rawPath);
        }
        List<String> out = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            out.add(percentDecode(raw));
        }
        return out;
    }

    private static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        byte[] bytes = new byte[segment.length() * 3]; // a char is at most three UTF-8 bytes
        int n = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw malformed(segment);
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(segment);
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                for (byte b : utf8) {
                    bytes[n++] = b;
                }
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(segment);
        }
    }

    private static ApiException malformed(String segment) {
        return new ApiException(400, ProblemTypes.BAD_PARAMETER, "Bad path",
                "the path segment \"" + segment + "\" has malformed percent-encoding", List.of());
    }
}
