package nl.werkmatch.examples.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import nl.werkmatch.matcher.Matcher;

/**
 * The HTTP/JSON API on the JDK's own {@link HttpServer}, one virtual thread per request. No web framework: a
 * dozen routes need a router of a page, and the library stays free of a framework's dependencies and startup.
 */
public final class ApiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private ApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code matcher} on {@code address} (port 0: any free port) until {@link #close()}. */
    public static ApiServer start(Matcher matcher, InetSocketAddress address) throws IOException {
        return start(Routes.of(matcher), address);
    }

    static ApiServer start(Router router, InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new Front(router));
        server.start();
        return new ApiServer(server, executor);
    }

    /** The port the server listens on (the one chosen by the system when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, on the loopback name when bound to all interfaces. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Stops accepting requests, lets running ones finish (a second at most), and stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
