package nl.werkmatch.opensearch;

import nl.werkmatch.matcher.WerkmatchException;

/** The OpenSearch cluster could not be reached or refused a request; the message says which and why. */
public final class ClusterException extends WerkmatchException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public ClusterException(String message) {
        super(message);
    }

    /** An exception with this message and cause. */
    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
