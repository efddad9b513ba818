package nl.werkmatch.examples.http;

import nl.werkmatch.matcher.DataDirectoryLockedException;
import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.NotFoundException;
import nl.werkmatch.matcher.TaxonomyMismatchException;

/**
 * Which HTTP problem a failure becomes. Anything else, a storage failure included, is a 500 that tells the client
 * nothing more; the log has it.
 */
final class ErrorMapping {
    private ErrorMapping() {
    }

    static ApiException toProblem(Exception e) {
        // Reading the body failed: the client stopped sending (Jetty's idle timeout) or went away half way.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return ApiException.http(408, "the request body stopped arriving for longer than the idle timeout");
            }
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return ApiException.http(400, "the request body ended before it was complete");
            }
        }
        return switch (e) {
            case ApiException api -> api;
            case InvalidInputException invalid -> ApiException.invalidInput(invalid.getMessage(), invalid.problems());
            case NotFoundException notFound -> ApiException.notFound(notFound.getMessage());
            case TaxonomyMismatchException mismatch -> ApiException.conflict(mismatch.getMessage());
            case DataDirectoryLockedException locked -> ApiException.conflict(locked.getMessage());
            // The OpenSearch cluster behind the service did not answer or refused: not the client's fault, try later.
            case nl.werkmatch.opensearch.ClusterException cluster -> clusterFailed(cluster);
            default -> ApiException.internal();
        };
    }

    private static ApiException clusterFailed(Exception e) {
        // Logged here because the front does not log a 503; without its message, which may name a record's id.
        Throwable cause = e.getCause() == null ? e : e.getCause();
        Front.LOG.warning("a request to the OpenSearch cluster failed (" + cause.getClass().getSimpleName() + ")");
        return ApiException.unavailable("the OpenSearch cluster did not answer this request; try again shortly", 5);
    }
}
