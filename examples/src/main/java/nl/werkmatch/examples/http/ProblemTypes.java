package nl.werkmatch.examples.http;

/**
 * The {@code type} URIs of the problem documents this API answers. URNs: they name a kind of problem stably
 * without promising a web page behind it (RFC 9457 allows any URI).
 */
final class ProblemTypes {
    static final String BAD_JSON = "urn:werkmatch:problem:bad-json";
    static final String INVALID_INPUT = "urn:werkmatch:problem:invalid-input";
    static final String BAD_PARAMETER = "urn:werkmatch:problem:bad-parameter";
    static final String NOT_FOUND = "urn:werkmatch:problem:not-found";
    static final String METHOD_NOT_ALLOWED = "urn:werkmatch:problem:method-not-allowed";
    static final String TAXONOMY_MISMATCH = "urn:werkmatch:problem:taxonomy-mismatch";
    static final String PAYLOAD_TOO_LARGE = "urn:werkmatch:problem:payload-too-large";
    static final String UNSUPPORTED_MEDIA_TYPE = "urn:werkmatch:problem:unsupported-media-type";
    static final String INTERNAL = "urn:werkmatch:problem:internal";
    static final String UNAVAILABLE = "urn:werkmatch:problem:unavailable";
    static final String UNAUTHORIZED = "urn:werkmatch:problem:unauthorized";
    static final String FORBIDDEN = "urn:werkmatch:problem:forbidden";
    static final String OVERLOADED = "urn:werkmatch:problem:overloaded";
    static final String LINE_TOO_LONG = "urn:werkmatch:problem:line-too-long";
    /** A request the HTTP layer itself refused (malformed, headers too large, too slow). */
    static final String BAD_REQUEST = "urn:werkmatch:problem:bad-request";

    private ProblemTypes() {
    }
}
