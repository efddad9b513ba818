package nl.werkmatch.examples.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.io.Content;

/**
 * One request as the handlers see it: path parameters, query parameters with strict parsing (an unknown or
 * malformed parameter is a 400 naming it), and the body read through a bound so that no client can make the
 * server buffer more than the route's limit.
 */
final class Request {
    // Strict: text after the object or a key given twice is a mistake to report, not to guess about.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final org.eclipse.jetty.server.Request exchange;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> query;
    private final Caller caller;
    private final long bulkLimit;

    Request(org.eclipse.jetty.server.Request exchange, Map<String, String> pathParameters, Caller caller, long bulkLimit) {
        this.exchange = exchange;
        this.pathParameters = pathParameters;
        this.query = parseQuery(exchange.getHttpURI().getQuery());
        this.caller = caller;
        this.bulkLimit = bulkLimit;
    }

    /** Who sent the request (the key's name and roles). */
    Caller caller() {
        return caller;
    }

    /** The largest bulk body this server accepts. */
    long bulkLimit() {
        return bulkLimit;
    }

    String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no path parameter " + name);
        }
        return value;
    }

    /** Rejects any query parameter not in {@code known}, so that a typo does not silently do nothing. */
    Request allowQuery(Set<String> known) {
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.badParameter(name, known.isEmpty() ? "this route takes no query parameters"
                        : "unknown parameter; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    Optional<String> query(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ApiException.badParameter(name, "given " + values.size() + " times; give it once");
        }
        return values.stream().findFirst();
    }

    List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    Optional<Integer> queryInt(String name, int min, int max) {
        return query(name).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min || n > max) {
                    throw ApiException.badParameter(name, "must be between " + min + " and " + max + ", was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(name, "\"" + v + "\" is not a whole number");
            }
        });
    }

    Optional<Double> queryDouble(String name, double min, double max) {
        return query(name).map(v -> {
            try {
                double d = Double.parseDouble(v.trim());
                if (!(d >= min && d <= max)) {
                    throw ApiException.badParameter(name, "must be between " + min + " and " + max + ", was " + v);
                }
                return d;
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(name, "\"" + v + "\" is not a number");
            }
        });
    }

    Optional<Boolean> queryBoolean(String name) {
        return query(name).map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "" -> true; // "?explain" alone means yes
            case "false" -> false;
            default -> throw ApiException.badParameter(name, "\"" + v + "\" is not true or false");
        });
    }

    /**
     * Whether the Accept header names {@code mediaType} (exactly, ignoring case and parameters). A missing header or
     * a wildcard does not count: the JSON answer is the default.
     */
    boolean accepts(String mediaType) {
        for (String header : exchange.getHeaders().getValuesList("Accept")) {
            for (String part : header.split(",")) {
                int semicolon = part.indexOf(';');
                String type = (semicolon < 0 ? part : part.substring(0, semicolon)).trim();
                if (type.equalsIgnoreCase(mediaType)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The media type of the body without parameters, lower case, or empty when the client sent none. */
    Optional<String> mediaType() {
        String header = exchange.getHeaders().get("Content-Type");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        int semicolon = header.indexOf(';');
        return Optional.of((semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Requires a JSON body (application/json or any +json type). A missing Content-Type is accepted: the body
     * is parsed as JSON either way, and a wrong one is worse than none.
     */
    Request requireJson() {
        mediaType().ifPresent(type -> {
            if (!type.equals("application/json") && !type.endsWith("+json")) {
                throw ApiException.unsupportedMediaType(type, "application/json");
            }
        });
        return this;
    }

    /** Requires a JSON Lines body; application/json is accepted too since each line is JSON. */
    Request requireJsonLines() {
        mediaType().ifPresent(type -> {
            if (!Set.of("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines",
                    "application/json", "text/plain").contains(type)) {
                throw ApiException.unsupportedMediaType(type, "application/x-ndjson (one JSON object per line)");
            }
        });
        return this;
    }

    /**
     * The whole body, at most {@code limit} bytes; a 413 when the declared or actual size is over. Before the 413
     * the body is read on and thrown away, up to twice the limit in all: closing a connection with unread data
     * makes TCP reset it, and the client would lose the answer. A body larger still gets the connection closed,
     * so a refusal never costs more than twice an allowed request.
     */
    byte[] body(long limit) throws IOException {
        try (InputStream in = Content.Source.asInputStream(exchange)) {
            String declared = exchange.getHeaders().get("Content-Length");
            if (declared != null && declaredLength(declared) > limit) {
                discard(in, 2 * limit);
                throw ApiException.payloadTooLarge(limit);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > limit) {
                    discard(in, limit);
                    throw ApiException.payloadTooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** How much of a refused bulk body is read on and thrown away before the 413, so the client sees the answer. */
    private static final long BULK_DISCARD = 64L << 20;

    /**
     * The body as a stream that ends the request with a 413 once more than {@code limit} bytes arrived (the
     * declared length is checked first). For bodies read as they arrive: nothing is buffered here. Before a 413
     * up to 64 MiB more of the body are read and thrown away, for the reason {@link #body(long)} gives.
     */
    InputStream bodyStream(long limit) throws IOException {
        String declared = exchange.getHeaders().get("Content-Length");
        InputStream in = Content.Source.asInputStream(exchange);
        if (declared != null && declaredLength(declared) > limit) {
            discard(in, Math.min(BULK_DISCARD, declaredLength(declared)));
            throw ApiException.payloadTooLarge(limit);
        }
        return new java.io.FilterInputStream(in) {
            private long total;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++total > limit) {
                    refuse();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0 && (total += n) > limit) {
                    refuse();
                }
                return n;
            }

            private void refuse() throws IOException {
                discard(in, BULK_DISCARD);
                throw ApiException.payloadTooLarge(limit);
            }
        };
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the server's own framing rejects a nonsense length; the bound while reading still holds
        }
    }

    private static void discard(InputStream in, long atMost) throws IOException {
        long left = atMost;
        byte[] sink = new byte[8192];
        for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
            left -= n;
        }
    }

    /** The body as one JSON object; a 400 with the parser's line and column when it is not. */
    ObjectNode jsonObject(long limit) throws IOException {
        byte[] body = body(limit);
        if (body.length == 0) {
            throw ApiException.badJson("the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badJson(jsonError(e));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badJson("the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static String jsonError(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "the body is not valid JSON" + where + ": " + e.getOriginalMessage();
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(s, "malformed percent-encoding");
        }
    }
}
