package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --opensearch URL} options of import and match without a cluster: the choice between a data directory
 * and a cluster, and a clear message for a cluster that does not answer (the commands on a real cluster are tested
 * by matcher-opensearch's tests, which start one).
 */
class ClusterCliTest {

    @Test
    void importAndMatchTakeADataDirectoryOrAClusterNotBoth(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.jsonl"), "");
        Cli.Run both = Cli.run("import", "--data", dir.resolve("d").toString(), "--opensearch", "http://127.0.0.1:1",
                "--profiles", file.toString());
        assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("give either --data DIR or --opensearch URL");

        Cli.Run neither = Cli.run("match", "--vacancy", "v-1");
        assertThat(neither.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("give either --data DIR or --opensearch URL");
    }

    @Test
    void aClusterThatDoesNotAnswerIsNamedWithoutAStackTrace(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path file = Files.writeString(dir.resolve("p.jsonl"), "");
        for (Cli.Run run : new Cli.Run[] {
                Cli.run("import", "--opensearch", url, "--profiles", file.toString()),
                Cli.run("match", "--opensearch", url, "--vacancy", "v-1")}) {
            assertThat(run.exit()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err()).contains("cannot reach OpenSearch at " + url).doesNotContain("\tat ");
        }
    }
}
