package nl.werkmatch.opensearch.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * One local OpenSearch node for development, tests and benchmarks: bound to loopback, its data and logs under a
 * directory, with the two modules Werkmatch needs (HTTP and transport over Netty, {@code rank_features}) loaded from
 * the class path instead of a distribution's plugin folders. Runs until it gets SIGTERM.
 *
 * <p>Usage: {@code LocalNode DIR INDEX NODES BASE_PORT}: node INDEX (0-based) of a cluster of NODES, HTTP on
 * {@code BASE_PORT + INDEX}, transport on {@code BASE_PORT + 100 + INDEX}, data under {@code DIR/node-INDEX}. With
 * {@code -Dwerkmatch.owner.pid=PID} the node also stops when that process ends.
 */
public final class LocalNode extends Node {
    private static final String CLUSTER_NAME = "werkmatch-local";

    private LocalNode(Environment environment, Collection<PluginInfo> plugins) {
        super(environment, plugins, true);
    }

    /** Starts the node and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LocalNode DIR INDEX NODES BASE_PORT");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int index = Integer.parseInt(args[1]);
        int nodes = Integer.parseInt(args[2]);
        int basePort = Integer.parseInt(args[3]);
        Path home = dir.resolve("node-" + index);
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("modules"));

        List<String> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            seeds.add("127.0.0.1:" + (basePort + 100 + i));
            names.add("node-" + i);
        }
        Settings settings = Settings.builder()
                .put("cluster.name", CLUSTER_NAME)
                .put("node.name", "node-" + index)
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", basePort + index)
                .put("transport.port", basePort + 100 + index)
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                .putList("discovery.seed_hosts", seeds)
                .putList("cluster.initial_cluster_manager_nodes", names)
                // a development cluster on a shared machine: no disk watermarks that refuse writes on a full disk
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"),
                () -> "node-" + index);
        Node node = new LocalNode(environment, List.of(plugin(Netty4ModulePlugin.class),
                plugin(MapperExtrasModulePlugin.class)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                System.err.println("closing the node failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "node-shutdown"));
        watchOwner(System.getProperty("werkmatch.owner.pid"));
        node.start();
        System.out.println("node-" + index + " started: http://127.0.0.1:" + (basePort + index));
        stopped.await();
    }

    /**
     * With an owner (a test JVM that started the cluster), the node stops when the owner is gone, so that a killed
     * test run leaves no nodes behind.
     */
    private static void watchOwner(String pid) {
        if (pid == null || pid.isBlank()) {
            return;
        }
        java.util.Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(pid.trim()));
        if (owner.isEmpty()) {
            System.exit(0);
        }
        owner.get().onExit().thenRun(() -> {
            System.out.println("the owner process " + pid + " ended; stopping");
            System.exit(0);
        });
    }

    private static PluginInfo plugin(Class<? extends Plugin> type) {
        return new PluginInfo(type.getName(), "loaded from the class path", "NA", Version.CURRENT, "21",
                type.getName(), null, List.of(), false);
    }
}
