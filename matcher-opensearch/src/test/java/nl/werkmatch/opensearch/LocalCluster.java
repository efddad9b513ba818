package nl.werkmatch.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real 2-node OpenSearch cluster for the tests of this module, started once per test JVM with
 * {@code opensearch/local-cluster} (its own JVMs, OpenSearch's own Lucene) and stopped when the JVM exits, whether the
 * tests passed or not; the nodes also stop by themselves when this JVM is gone. Tests skip with a clear message only
 * when the launcher cannot be built, that is when the OpenSearch artifacts cannot be had; any other failure to start
 * fails them.
 */
public final class LocalCluster {
    private static URI url;
    private static String unavailable;

    private LocalCluster() {
    }

    /** The cluster's HTTP URL, starting it on first use. */
    public static synchronized URI url() {
        if (url == null && unavailable == null) {
            start();
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        return url;
    }

    private static void start() {
        Path root = Path.of(System.getProperty("werkmatch.root", "..")).toAbsolutePath().normalize();
        Path dir = Path.of(System.getProperty("werkmatch.cluster.dir", "target/cluster")).toAbsolutePath();
        if (!Files.exists(root.resolve("opensearch/local-cluster")) && root.getParent() != null) {
            root = root.getParent();   // Maven started in this module's folder
        }
        Path script = root.resolve("opensearch/local-cluster");
        if (Files.isDirectory(dir)) {
            run(script, List.of("stop", dir.toString()));   // nodes left by a run that was killed
            deleteTree(dir);
        }
        Result started = run(script, List.of("start", dir.toString(), "2"));
        if (started.code() != 0) {
            if (started.output().contains("building the launcher failed")) {
                unavailable = "skipped: the OpenSearch artifacts cannot be had, so no local cluster can start ("
                        + lastLine(started.output()) + ")";
                return;
            }
            throw new IllegalStateException("the local OpenSearch cluster did not start:\n" + started.output());
        }
        url = URI.create(lastLine(started.output()).trim());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, List.of("stop", dir.toString())),
                "stop-local-opensearch"));
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path script, List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("WERKMATCH_OS_OWNER_PID", Long.toString(ProcessHandle.current().pid()));
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + script + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + dir, e);
        }
    }
}
