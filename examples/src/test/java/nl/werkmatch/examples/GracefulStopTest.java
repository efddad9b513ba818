package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.Matcher;

/**
 * SIGTERM to a serving process while a bulk upload is in flight: the server stops accepting connections, lets the
 * upload finish and answers it, commits, and exits 0.
 */
class GracefulStopTest {

    static String profile(int i) {
        return "{\"id\":\"p-" + i + "\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"},"
                + "\"skills\":[{\"id\":\"s-lassen\",\"evidence\":\"DECLARED\"}]}\n";
    }

    @Test
    void sigtermFinishesTheRequestInFlightCommitsAndExitsZero(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        CountDownLatch firstHalfSent = new CountDownLatch(1);
        CountDownLatch sendTheRest = new CountDownLatch(1);
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx512m"), tmp.resolve("stderr.txt"),
                "--data", data.toString())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            InputStream body = new InputStream() {
                private byte[] chunk = new byte[0];
                private int at;
                private int next;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (at == chunk.length) {
                        if (next == 400) {
                            return -1;
                        }
                        if (next == 200) {
                            firstHalfSent.countDown();
                            try {
                                if (!sendTheRest.await(60, TimeUnit.SECONDS)) {
                                    return -1;
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return -1;
                            }
                        }
                        chunk = profile(next++).getBytes(StandardCharsets.UTF_8);
                        at = 0;
                    }
                    int n = Math.min(len, chunk.length - at);
                    System.arraycopy(chunk, at, b, off, n);
                    at += n;
                    return n;
                }
            };
            CompletableFuture<HttpResponse<String>> upload = http.sendAsync(HttpRequest.newBuilder(server.uri.resolve("profiles"))
                    .timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), BodyHandlers.ofString());
            assertThat(firstHalfSent.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(500); // the first half reaches the server

            server.process.destroy(); // SIGTERM
            assertThat(awaitRefused(server.uri.getPort())).as("new connections are refused while stopping").isTrue();
            assertThat(server.process.isAlive()).as("still finishing the upload").isTrue();

            sendTheRest.countDown();
            HttpResponse<String> answer = upload.get(90, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode summary = new ObjectMapper().readTree(answer.body());
            assertThat(summary.path("read").asInt()).isEqualTo(400);
            assertThat(summary.path("imported").asInt()).isEqualTo(400);

            assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.process.exitValue()).as(Files.readString(server.stderr)).isZero();
        }
        try (Matcher matcher = Matcher.open(data)) {
            assertThat(matcher.profileCount()).as("every line of the finished upload was committed").isEqualTo(400);
        }
    }

    private static boolean awaitRefused(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("localhost", port), 1000);
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // a timeout: try again
            }
            Thread.sleep(100);
        }
        return false;
    }
}
