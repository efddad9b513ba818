package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import nl.werkmatch.matcher.Problem;

/**
 * The one {@link HttpHandler} of the server: routes, turns every failure into a problem document, and logs one
 * line per request. The log keeps the detail of an unexpected failure; the client only learns that it happened.
 */
final class Front implements HttpHandler {
    static final Logger LOG = Logger.getLogger("nl.werkmatch.http");

    private final Router router;

    Front(Router router) {
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Response response = answer(exchange, method, rawPath);
        try {
            send(exchange, response);
        } catch (IOException e) {
            // The client went away while we answered; nothing left to tell it.
            LOG.log(Level.FINE, "could not send the response", e);
        } finally {
            exchange.close();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> method + " " + rawPath + " " + response.status() + " " + ms + " ms");
    }

    private Response answer(HttpExchange exchange, String method, String rawPath) {
        try {
            Router.Match match = router.resolve(method, rawPath, segments(rawPath));
            return match.route().handler().handle(new Request(exchange, match.pathParameters()));
        } catch (Exception e) {
            ApiException problem = ErrorMapping.toProblem(e);
            if (problem.status() == 500) { // a 503 (not ready yet) is expected, not a failure to log
                LOG.log(Level.WARNING, method + " " + rawPath + " failed", e);
            }
            return problem(problem);
        }
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

    private static void send(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            String type = response.contentType();
            exchange.getResponseHeaders().set("Content-Type",
                    type.startsWith("application/") && type.endsWith("json") ? type + "; charset=utf-8" : type);
        }
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        // -1 tells the JDK server there is no body at all (204 must not have one).
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
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
