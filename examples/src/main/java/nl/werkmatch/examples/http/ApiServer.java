package nl.werkmatch.examples.http;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Matcher;

/**
 * The HTTP/JSON API on Jetty 12 (its core handler API, no servlets), on a bounded pool of threads. Jetty gives
 * what a service on a municipality's network needs and the JDK's own server lacks: an idle timeout that cuts off
 * a client that stops sending (in its headers or its body), streaming request bodies, TLS, and a graceful stop.
 * Routing, access control and the problem documents stay ours ({@link Router}, {@link Front}).
 */
public final class ApiServer implements AutoCloseable {
    /** How often the service commits while there are writes: a crash loses at most this much. */
    static final Duration COMMIT_EVERY = Duration.ofSeconds(5);

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private final Router router;
    private AutoCloseable afterStop = () -> { };

    private ApiServer(Server server, ServerConnector connector, boolean tls, Router router) {
        this.server = server;
        this.connector = connector;
        this.tls = tls;
        this.router = router;
    }

    /** Serves {@code matcher} on {@code address} (port 0: any free port) without keys, until {@link #close()}. */
    public static ApiServer start(Matcher matcher, InetSocketAddress address) throws IOException {
        return start(matcher, address, ServerOptions.defaults());
    }

    /** Serves {@code matcher} on {@code address} (port 0: any free port) with {@code options}, until {@link #close()}. */
    public static ApiServer start(Matcher matcher, InetSocketAddress address, ServerOptions options) throws IOException {
        return start(matcher, null, address, options);
    }

    /**
     * Serves {@code matcher} with {@code options} until {@link #close()}, committing writes every few seconds.
     *
     * @param directory the matcher's data directory (for the index size in the metrics), or null
     */
    public static ApiServer start(Matcher matcher, Path directory, InetSocketAddress address, ServerOptions options)
            throws IOException {
        return start(RecordStore.of(matcher), directory, address, options);
    }

    /**
     * Serves {@code store} (the embedded engine or an OpenSearch cluster) with {@code options} until {@link #close()};
     * on a cluster the routes of advice, the audit and allocation answer 501.
     *
     * @param directory the data directory (for the index size in the metrics), or null
     */
    public static ApiServer start(RecordStore store, Path directory, InetSocketAddress address, ServerOptions options)
            throws IOException {
        Housekeeping house = new Housekeeping(store, directory);
        Router router = Routes.of(store, house);
        ApiServer server;
        try {
            server = start(router, address, options);
        } catch (IOException | RuntimeException e) {
            router.close(); // the vacancy search it started
            throw e;
        }
        house.start(COMMIT_EVERY);
        server.afterStop = house;
        return server;
    }

    static ApiServer start(Router router, InetSocketAddress address) throws IOException {
        return start(router, address, ServerOptions.defaults());
    }

    /** Serves the router's routes; {@link #close()} closes the router (and what its routes own) after the server stops. */
    static ApiServer start(Router router, InetSocketAddress address, ServerOptions options) throws IOException {
        // Platform threads, not virtual ones: handlers are CPU-bound (parsing, Lucene) and a virtual thread is never
        // preempted, so on a small machine two busy bulk uploads held both carriers and starved a third request past
        // the idle timeout. The OS scheduler shares the cores fairly. More threads than the request bound, so that
        // the bound answers 503 before Jetty queues anything.
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(200, options.maxConcurrentRequests() * 2 + 50), 8);
        threads.setName("werkmatch-http");
        Server server = new Server(threads);

        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        // Ids may hold an encoded "/" (a%2Fb): Front decodes each segment on its own, so it is not ambiguous here.
        config.setUriCompliance(UriCompliance.DEFAULT.with("werkmatch",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        HttpConnectionFactory http = new HttpConnectionFactory(config);
        ServerConnector connector;
        if (options.tls() != null) {
            config.addCustomizer(new SecureRequestCustomizer(false)); // no SNI host check: one certificate
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(options.tls().keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(options.tls().password());
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, http.getProtocol()), http);
        } else {
            connector = new ServerConnector(server, http);
        }
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        server.addConnector(connector);

        // GracefulHandler: on stop, refuse new requests but let running ones finish (within the stop timeout).
        server.setHandler(new GracefulHandler(new Front(router, options)));
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopTimeout(options.stopTimeout().toMillis());
        server.setStopAtShutdown(false); // the serve command decides when to stop, and commits after
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
        }
        return new ApiServer(server, connector, options.tls() != null, router);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing; the first failure is the one to report
        }
    }

    /** The port the server listens on (the one chosen by the system when started on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL, on the loopback name when bound to all interfaces. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    /**
     * Stops accepting connections and requests, lets running requests finish (up to the stop timeout), stops the
     * threads, commits, and closes what the routes hold (the vacancy search, also when its build still runs).
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            Front.LOG.warning("the HTTP server did not stop cleanly: " + e);
        }
        try {
            afterStop.close();
        } catch (Exception e) {
            Front.LOG.warning("the last commit of the HTTP server failed: " + e);
        }
        router.close();
    }
}
