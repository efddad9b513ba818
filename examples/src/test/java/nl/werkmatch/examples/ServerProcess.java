package nl.werkmatch.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code werkmatch serve} in a child JVM of its own (so that a test can give it a small heap or send it SIGTERM),
 * with its stderr in a file and the URL it prints.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("(https?://\\S+?/) ");

    final Process process;
    final URI uri;
    final Path stderr;

    private ServerProcess(Process process, URI uri, Path stderr) {
        this.process = process;
        this.uri = uri;
        this.stderr = stderr;
    }

    /** Starts {@code serve --port 0} with these JVM options and serve arguments; waits for its URL (2 minutes at most). */
    static ServerProcess start(List<String> jvmOptions, Path stderr, String... serveArguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WerkmatchCli.class.getName(), "serve", "--port", "0"));
        command.addAll(List.of(serveArguments));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        // A thread of its own, not the common pool: on two cores the pool has one worker, which another test's
        // blocking task can hold, and the URL would then never be read. The same thread keeps draining the output
        // afterwards, so the child never blocks on a full pipe.
        CompletableFuture<URI> uri = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = URL.matcher(line);
                    if (!uri.isDone() && m.find()) {
                        uri.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the child ended
            } finally {
                uri.complete(null);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            URI found = uri.get(120, TimeUnit.SECONDS);
            if (found == null) {
                throw new IllegalStateException("serve printed no URL; exit " + process.waitFor());
            }
            return new ServerProcess(process, found, stderr);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not start: " + e, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
