package nl.werkmatch.examples.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a handler answers: a status, a content type, a body and extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Response json(int status, JsonNode body) {
        return new Response(status, JSON, bytes(body), Map.of());
    }

    static Response json(JsonNode body) {
        return json(200, body);
    }

    static Response noContent() {
        return new Response(204, null, new byte[0], Map.of());
    }

    static Response raw(String contentType, byte[] body) {
        return new Response(200, contentType, body, Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(all));
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
