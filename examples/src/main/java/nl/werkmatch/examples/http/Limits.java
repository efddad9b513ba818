package nl.werkmatch.examples.http;

/** Body size limits: generous for any real profile or vacancy, small enough that no client can exhaust memory. */
final class Limits {
    /** One profile, vacancy or match request. */
    static final long ONE_OBJECT = 1L << 20;
    /** A JSON Lines bulk upload (about 30,000 typical profiles). */
    static final long BULK = 64L << 20;

    private Limits() {
    }
}
