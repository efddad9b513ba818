package nl.werkmatch.examples;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.examples.http.ApiServer;
import nl.werkmatch.matcher.Matcher;

/** {@code werkmatch serve}: the HTTP/JSON API over a data directory, until Ctrl-C or SIGTERM. */
@Command(name = "serve",
        header = "Serve the HTTP/JSON API over a data directory.",
        sortOptions = false,
        description = "Serves the HTTP/JSON API over a data directory (created if missing) until Ctrl-C or "
                + "SIGTERM, then commits and stops. GET /openapi.json describes every route; one log line per request "
                + "goes to stderr.")
final class ServeCommand extends CliCommand {
    /** How long a shutdown waits for running requests and the final commit. */
    private static final long SHUTDOWN_SECONDS = 60;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Mixin
    TaxonomyOptions taxonomy;

    /** Completed by the shutdown hook (or a test) to stop serving. */
    final CompletableFuture<Void> stop = new CompletableFuture<>();

    @Override
    int execute() throws IOException, InterruptedException {
        if (port < 0 || port > 65_535) {
            throw usage("--port must be from 0 to 65535");
        }
        LogSetup.oneLinePerRecord();
        Matcher matcher = DataDirectory.open(data, taxonomy, true, err());
        ApiServer server;
        try {
            server = ApiServer.start(matcher, new InetSocketAddress(host, port));
        } catch (BindException e) {
            matcher.close();
            throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); is another server running there?");
        } catch (IOException | RuntimeException e) {
            matcher.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.complete(null);
            try {
                stopped.await(SHUTDOWN_SECONDS, TimeUnit.SECONDS); // keep the JVM up until the commit is done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "werkmatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out().println("Werkmatch API at " + server.uri() + " (" + matcher.profileCount() + " profiles, "
                + matcher.vacancyCount() + " vacancies); the routes are in " + server.uri() + "openapi.json");
        out().println("The consultants' web page: open " + server.uri() + " in a browser.");
        out().println("Press Ctrl-C to stop.");
        out().flush();
        try {
            stop.join();
            err().println("Stopping: finishing requests and committing...");
            err().flush();
            server.close();
            matcher.close();
            err().println("Stopped.");
            err().flush();
        } finally {
            stopped.countDown(); // last: once the hook returns the JVM may halt at any moment
            removeHook(hook);
        }
        return ExitCodes.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, nothing to remove.
        }
    }
}
