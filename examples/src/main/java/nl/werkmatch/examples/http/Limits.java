package nl.werkmatch.examples.http;

/** Body size limits: generous for any real profile or vacancy, small enough that no client can exhaust memory. */
final class Limits {
    /** One profile, vacancy or match request. */
    static final long ONE_OBJECT = 1L << 20;
    /**
     * A JSON Lines bulk upload, by default. Bulk bodies are streamed (read line by line, written in batches), so
     * memory does not grow with this; it only bounds how long one request may hold the writer.
     */
    static final long BULK = 4L << 30;
    /** How many rejected lines a bulk answer lists; the rest are counted. */
    static final int LISTED_REJECTIONS = 1_000;

    private Limits() {
    }
}
