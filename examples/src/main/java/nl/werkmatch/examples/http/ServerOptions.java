package nl.werkmatch.examples.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the server protects itself and its data: keys (null: none, loopback only), TLS (null: plain HTTP), how long
 * a connection may stay silent, how many requests run at once, how long a stop waits for running requests, and
 * how large a bulk upload may be.
 *
 * @param idleTimeout a connection that sends nothing for this long (in its headers, its body, or between requests)
 *                    is closed
 * @param maxConcurrentRequests requests beyond this many at once are answered 503 with {@code Retry-After}
 * @param stopTimeout how long {@link ApiServer#close()} lets running requests finish
 * @param bulkLimit the largest bulk upload body, in bytes
 */
public record ServerOptions(ApiKeys keys, Tls tls, Duration idleTimeout, int maxConcurrentRequests,
        Duration stopTimeout, long bulkLimit) {

    /** A PKCS#12 (or JKS) key store with the server's certificate and key, and its password. */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[" + keystore + "]"; // never the password
        }
    }

    public ServerOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("at least one request must be allowed at a time");
        }
        if (bulkLimit < 1) {
            throw new IllegalArgumentException("the bulk limit must be positive");
        }
    }

    /** No keys, plain HTTP, 30 s idle timeout, 64 requests at once, 30 s to stop, bulk bodies up to 4 GiB. */
    public static ServerOptions defaults() {
        return new ServerOptions(null, null, Duration.ofSeconds(30), 64, Duration.ofSeconds(30), Limits.BULK);
    }

    /** These options with {@code value} as the keys (null: none). */
    public ServerOptions withKeys(ApiKeys value) {
        return new ServerOptions(value, tls, idleTimeout, maxConcurrentRequests, stopTimeout, bulkLimit);
    }

    /** These options with TLS (null: plain HTTP). */
    public ServerOptions withTls(Tls value) {
        return new ServerOptions(keys, value, idleTimeout, maxConcurrentRequests, stopTimeout, bulkLimit);
    }

    /** These options with another idle timeout. */
    public ServerOptions withIdleTimeout(Duration value) {
        return new ServerOptions(keys, tls, value, maxConcurrentRequests, stopTimeout, bulkLimit);
    }

    /** These options with another bound on concurrent requests. */
    public ServerOptions withMaxConcurrentRequests(int value) {
        return new ServerOptions(keys, tls, idleTimeout, value, stopTimeout, bulkLimit);
    }

    /** These options with another stop timeout. */
    public ServerOptions withStopTimeout(Duration value) {
        return new ServerOptions(keys, tls, idleTimeout, maxConcurrentRequests, value, bulkLimit);
    }

    /** These options with another bulk limit. */
    public ServerOptions withBulkLimit(long value) {
        return new ServerOptions(keys, tls, idleTimeout, maxConcurrentRequests, stopTimeout, value);
    }
}
