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

    private ProblemTypes() {
    }
}
