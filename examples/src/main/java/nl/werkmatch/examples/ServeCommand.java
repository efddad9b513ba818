package nl.werkmatch.examples;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.examples.http.ApiKeys;
import nl.werkmatch.examples.http.ApiServer;
import nl.werkmatch.examples.http.ServerOptions;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.opensearch.ClusterMatcher;

/** {@code werkmatch serve}: the HTTP/JSON API over a data directory, until Ctrl-C or SIGTERM. */
@Command(name = "serve",
        header = "Serve the HTTP/JSON API over a data directory or an OpenSearch cluster.",
        sortOptions = false,
        description = "Serves the HTTP/JSON API over a data directory (created if missing), or over an OpenSearch "
                + "cluster with --opensearch URL, until Ctrl-C or "
                + "SIGTERM, then lets running requests finish (up to 30 s), commits and stops. GET /openapi.json "
                + "describes every route; one log line per request goes to stderr (method, route, status, time, key "
                + "name: never a body, a token or an id). Without --keys it listens on a loopback address only.")
final class ServeCommand extends CliCommand {
    /** How long a shutdown waits for running requests and the final commit. */
    private static final long SHUTDOWN_SECONDS = 60;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory.")
    Path data;

    @Option(names = "--opensearch", paramLabel = "URL", description = "An OpenSearch cluster instead of a data "
            + "directory (made with 'werkmatch import --opensearch URL'); advice, the audit and allocation then "
            + "answer 501, as they need a data directory.")
    String opensearch;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--keys", paramLabel = "FILE",
            description = "Require an API key (Authorization: Bearer <token>) on every route but /health; the keys "
                    + "and their roles are in FILE (made with 'werkmatch keys add'), re-read when it changes.")
    Path keys;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with the certificate and key in this PKCS#12 key store.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE",
            description = "The file whose first line is the key store's password (not given on the command line, "
                    + "where other users could see it).")
    Path tlsPasswordFile;

    @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Close a connection that sends nothing for this long, in its headers, its body or between "
                    + "requests (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--max-requests", defaultValue = "64", paramLabel = "N",
            description = "Requests answered at once; more get 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int maxRequests;

    @Mixin
    TaxonomyOptions taxonomy;

    @Mixin
    WeightsOptions weights;

    /** Completed by the shutdown hook (or a test) to stop serving. */
    final CompletableFuture<Void> stop = new CompletableFuture<>();

    @Override
    int execute() throws IOException, InterruptedException {
        requireOneStore(data, opensearch);
        if (port < 0 || port > 65_535) {
            throw usage("--port must be from 0 to 65535");
        }
        if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 3600) {
            throw usage("--idle-timeout must be from 1 to 3600 seconds");
        }
        if (maxRequests < 1 || maxRequests > 10_000) {
            throw usage("--max-requests must be from 1 to 10000");
        }
        boolean loopback = isLoopback(host);
        if (!loopback && keys == null) {
            throw new UserError("refusing to listen on " + host + " without --keys: anyone who can reach it could read, "
                    + "change and delete the personal data it holds. Create a key with 'werkmatch keys add --keys FILE "
                    + "--name NAME --role admin' and start with --keys FILE, or listen on localhost.");
        }
        ServerOptions options = serverOptions();
        LogSetup.oneLinePerRecord();
        if (!loopback && options.tls() == null) {
            err().println("Note: the traffic to " + host + " is not encrypted; use --tls-keystore, or a reverse proxy "
                    + "that terminates TLS on this machine.");
        }
        RecordStore matcher;
        Runnable closeStore;
        if (opensearch != null) {
            ClusterMatcher cluster = ClusterCommands.open(opensearch, taxonomy, weights, err());
            matcher = RecordStore.of(cluster);
            closeStore = cluster::close;
        } else {
            Matcher embedded = DataDirectory.open(data, taxonomy, weights, true, err());
            matcher = RecordStore.of(embedded);
            closeStore = embedded::close;
        }
        ApiServer server;
        try {
            server = ApiServer.start(matcher, data, new InetSocketAddress(host, port), options);
        } catch (BindException e) {
            closeStore.run();
            throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); is another server running there?");
        } catch (IOException | RuntimeException e) {
            closeStore.run();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.complete(null);
            try {
                // Keep the JVM up until the requests are done and the commit is made.
                if (stopped.await(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                    // A stop that finished cleanly exits 0 (the JVM's own status for SIGTERM would be 143), so that
                    // a service manager sees a clean stop.
                    Runtime.getRuntime().halt(ExitCodes.OK);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "werkmatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out().println("Werkmatch API at " + server.uri() + " (" + matcher.profileCount() + " profiles, "
                + matcher.vacancyCount() + " vacancies" + (opensearch != null ? " on the OpenSearch cluster" : "")
                + "); the routes are in " + server.uri() + "openapi.json");
        out().println("The consultants' web page: open " + server.uri() + " in a browser.");
        out().println("Press Ctrl-C to stop.");
        out().flush();
        try {
            stop.join();
            err().println("Stopping: finishing requests and committing...");
            err().flush();
            server.close();
            closeStore.run();
            if (options.keys() != null) {
                options.keys().close();
            }
            err().println("Stopped.");
            err().flush();
        } finally {
            stopped.countDown(); // last: once the hook returns the JVM may halt at any moment
            removeHook(hook);
        }
        return ExitCodes.OK;
    }

    private ServerOptions serverOptions() throws IOException {
        ServerOptions options = ServerOptions.defaults()
                .withIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .withMaxConcurrentRequests(maxRequests);
        if (keys != null) {
            try {
                options = options.withKeys(ApiKeys.load(keys).watch());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        if ((tlsKeystore == null) != (tlsPasswordFile == null)) {
            throw usage("--tls-keystore and --tls-password-file go together");
        }
        if (tlsKeystore != null) {
            if (!Files.isRegularFile(tlsKeystore)) {
                throw new UserError("--tls-keystore " + tlsKeystore + ": no such file");
            }
            String password = Files.readAllLines(tlsPasswordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            options = options.withTls(new ServerOptions.Tls(tlsKeystore, password));
        }
        return options;
    }

    /** Whether every address {@code host} names is a loopback address (only this machine can connect). */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            throw new UserError("--host " + host + ": unknown host");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, nothing to remove.
        }
    }
}
