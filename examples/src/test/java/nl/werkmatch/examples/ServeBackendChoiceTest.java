package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} takes a data directory or a cluster, not both and not neither, and names a cluster that is not there. */
class ServeBackendChoiceTest {

    @Test
    void bothOrNeitherIsAUsageError(@TempDir Path dir) {
        Cli.Run both = Cli.run("serve", "--data", dir.resolve("d").toString(), "--opensearch", "http://127.0.0.1:1",
                "--port", "0");
        assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("give either --data DIR or --opensearch URL");

        Cli.Run neither = Cli.run("serve", "--port", "0");
        assertThat(neither.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("give either --data DIR or --opensearch URL");
    }

    @Test
    void aClusterThatDoesNotAnswerIsNamedWithoutAStackTrace() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Run serve = Cli.run("serve", "--opensearch", "http://127.0.0.1:" + port, "--port", "0");
        assertThat(serve.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(serve.err()).contains("cannot reach OpenSearch at http://127.0.0.1:" + port).doesNotContain("\tat ");
    }
}
