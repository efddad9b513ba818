package nl.werkmatch.examples.http;

import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.Problem;

/**
 * An HTTP error that the front answers as an RFC 9457 problem document. Thrown anywhere below a handler; the
 * message is the problem's {@code detail} and is meant for the client, so it never carries internals.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Problem> errors;
    private final transient Map<String, String> headers;

    ApiException(int status, String type, String title, String detail, List<Problem> errors) {
        this(status, type, title, detail, errors, Map.of());
    }

    private ApiException(int status, String type, String title, String detail, List<Problem> errors,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    List<Problem> errors() {
        return errors;
    }

    /** Headers the answer needs besides the problem document (Allow on a 405). */
    Map<String, String> headers() {
        return headers;
    }

    static ApiException badJson(String detail) {
        return new ApiException(400, ProblemTypes.BAD_JSON, "Malformed JSON", detail, List.of());
    }

    static ApiException invalidInput(String detail, List<Problem> errors) {
        return new ApiException(400, ProblemTypes.INVALID_INPUT, "Invalid input", detail, errors);
    }

    static ApiException badParameter(String name, String message) {
        return new ApiException(400, ProblemTypes.BAD_PARAMETER, "Bad query parameter",
                "query parameter \"" + name + "\": " + message, List.of(new Problem(name, message)));
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, ProblemTypes.NOT_FOUND, "Not found", detail, List.of());
    }

    static ApiException methodNotAllowed(String method, String path, List<String> allowed) {
        return new ApiException(405, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
                method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed), List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, ProblemTypes.TAXONOMY_MISMATCH, "Taxonomy mismatch", detail, List.of());
    }

    static ApiException payloadTooLarge(long limit) {
        return new ApiException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                "the request body is larger than the limit of " + limit + " bytes for this route", List.of());
    }

    static ApiException unsupportedMediaType(String given, String expected) {
        return new ApiException(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "content type \"" + given + "\" is not accepted here; send " + expected, List.of());
    }

    /** A 503: this route cannot answer yet (a search still being built); try again after {@code seconds}. */
    static ApiException unavailable(String detail, int seconds) {
        return new ApiException(503, ProblemTypes.UNAVAILABLE, "Not available yet", detail, List.of(),
                Map.of("Retry-After", String.valueOf(seconds)));
    }

    /** 401: no key, or one this server does not know; {@code WWW-Authenticate} says how to authenticate. */
    static ApiException unauthorized(String detail, boolean invalidToken) {
        String challenge = invalidToken ? "Bearer realm=\"werkmatch\", error=\"invalid_token\"" : "Bearer realm=\"werkmatch\"";
        return new ApiException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, List.of(),
                Map.of("WWW-Authenticate", challenge));
    }

    /** 403: a known key without the role the route needs. */
    static ApiException forbidden(String detail) {
        return new ApiException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, List.of());
    }

    /** 503: more requests at once than the server runs; the client may try again in a second. */
    static ApiException overloaded(int bound) {
        return new ApiException(503, ProblemTypes.OVERLOADED, "Service busy",
                "the server is answering " + bound + " requests already; try again shortly", List.of(),
                Map.of("Retry-After", "1"));
    }

    /** A refusal of the HTTP layer itself (Jetty's parser or its timeouts), with its status. */
    static ApiException http(int status, String detail) {
        String type = switch (status) {
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 500 -> ProblemTypes.INTERNAL;
            default -> ProblemTypes.BAD_REQUEST;
        };
        String title = switch (status) {
            case 400 -> "Bad request";
            case 408 -> "Request timeout";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 431 -> "Request header fields too large";
            case 500 -> "Internal server error";
            case 503 -> "Service unavailable";
            default -> "HTTP error";
        };
        return new ApiException(status, type, title, detail, List.of());
    }

    static ApiException internal() {
        return new ApiException(500, ProblemTypes.INTERNAL, "Internal server error",
                "the server failed to answer this request; its log has the details", List.of());
    }
}
