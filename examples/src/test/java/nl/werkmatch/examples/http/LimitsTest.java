package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, the bound on concurrent requests, and TLS, each on a server of its own. */
class LimitsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private static Router router(CountDownLatch entered, CountDownLatch release) {
        return new Router()
                .get("/ping", Role.READ, r -> Response.json(JsonNodeFactory.instance.objectNode().put("ok", true)))
                .get("/health", Role.PUBLIC, r -> Response.json(JsonNodeFactory.instance.objectNode().put("status", "UP")))
                .post("/echo", Role.READ, r -> Response.json(JsonNodeFactory.instance.objectNode().put("bytes", r.body(1 << 20).length)))
                .get("/block", Role.READ, r -> {
                    entered.countDown();
                    try {
                        if (!release.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Response.json(JsonNodeFactory.instance.objectNode().put("released", true));
                });
    }

    @Test
    void aClientThatStopsSendingItsHeadersIsCutOffWhileOthersAreServed() throws Exception {
        ServerOptions options = ServerOptions.defaults().withIdleTimeout(Duration.ofSeconds(1));
        try (ApiServer server = ApiServer.start(router(new CountDownLatch(0), new CountDownLatch(0)), LOOPBACK, options);
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            slow.setSoTimeout(20_000);
            OutputStream out = slow.getOutputStream();
            out.write("GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Half: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("ping")).build(), BodyHandlers.ofString());
                assertThat(ok.statusCode()).isEqualTo(200);
            }
            InputStream in = slow.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // drain whatever the server says before it closes (a 408 or nothing)
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).as("cut off after the idle timeout").isBetween(0.5, 10.0);
        }
    }

    @Test
    void aClientThatStopsSendingItsBodyIsCutOff() throws Exception {
        ServerOptions options = ServerOptions.defaults().withIdleTimeout(Duration.ofSeconds(1));
        try (ApiServer server = ApiServer.start(router(new CountDownLatch(0), new CountDownLatch(0)), LOOPBACK, options);
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            slow.setSoTimeout(20_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                    + "{\"partial\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).isBetween(0.5, 10.0);
            if (!answer.isEmpty()) { // the server may say why before it closes; then it is a problem document
                assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json");
            }
        }
    }

    @Test
    void moreRequestsThanTheBoundGet503WithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ServerOptions options = ServerOptions.defaults().withMaxConcurrentRequests(2);
        try (ApiServer server = ApiServer.start(router(entered, release), LOOPBACK, options)) {
            List<CompletableFuture<HttpResponse<String>>> blocked = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                blocked.add(HTTP.sendAsync(HttpRequest.newBuilder(server.uri().resolve("block")).build(), BodyHandlers.ofString()));
            }
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> busy = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("ping")).build(), BodyHandlers.ofString());
            AccessTest.problem(busy, 503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("health")).build(), BodyHandlers.ofString());
            assertThat(health.statusCode()).as("health is answered under load").isEqualTo(200);
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> f : blocked) {
                assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(HTTP.send(HttpRequest.newBuilder(server.uri().resolve("ping")).build(), BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void headersTooLargeIsAProblemDocument() throws Exception {
        try (ApiServer server = ApiServer.start(router(new CountDownLatch(0), new CountDownLatch(0)), LOOPBACK)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("ping"))
                    .header("X-Big", "x".repeat(64 * 1024)).build(), BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(431);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("\"status\":431");
        }
    }

    @Test
    void servesHttpsWithAKeyStore(@TempDir Path tmp) throws Exception {
        Path keystore = tmp.resolve("server.p12");
        String password = "test-password-1";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "werkmatch", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(keytoolOutput).isZero();

        ServerOptions options = ServerOptions.defaults().withTls(new ServerOptions.Tls(keystore, password));
        try (ApiServer server = ApiServer.start(router(new CountDownLatch(0), new CountDownLatch(0)),
                new InetSocketAddress("127.0.0.1", 0), options)) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(server.uri().resolve("ping")).build(), BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"ok\":true");

            // Plain HTTP to the TLS port gets no API answer.
            URI plain = URI.create("http://127.0.0.1:" + server.port() + "/ping");
            assertThatThrownBy(() -> {
                HttpResponse<String> p = HTTP.send(HttpRequest.newBuilder(plain).build(), BodyHandlers.ofString());
                assertThat(p.body()).doesNotContain("\"ok\":true");
                throw new java.io.IOException("answered " + p.statusCode() + " without TLS, not the route");
            }).isInstanceOf(java.io.IOException.class);
        }
    }
}
