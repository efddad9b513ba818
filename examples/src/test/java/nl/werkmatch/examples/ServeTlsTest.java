package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --tls-keystore --tls-password-file --keys}: HTTPS with keys, as an operator starts it. */
class ServeTlsTest {

    @Test
    void servesHttpsWithKeys(@TempDir Path tmp) throws Exception {
        Path keystore = tmp.resolve("server.p12");
        Path passwordFile = tmp.resolve("server.pass");
        String password = "another-test-password";
        Files.writeString(passwordFile, password + "\n");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "werkmatch", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        Path keys = tmp.resolve("keys.json");
        String token = Cli.run("keys", "add", "--keys", keys.toString(), "--name", "wsp", "--role", "read").lastLine();

        CommandLine cli = WerkmatchCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--data",
                tmp.resolve("data").toString(), "--port", "0", "--keys", keys.toString(),
                "--tls-keystore", keystore.toString(), "--tls-password-file", passwordFile.toString()));
        try {
            URI base = awaitUrl(out, exit);
            assertThat(base.getScheme()).isEqualTo("https");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> anonymous = https.send(HttpRequest.newBuilder(base.resolve("openapi.json")).build(),
                    BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<String> withKey = https.send(HttpRequest.newBuilder(base.resolve("openapi.json"))
                    .header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString());
            assertThat(withKey.statusCode()).isEqualTo(200);
        } finally {
            ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
            serve.stop.complete(null);
        }
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aKeyStoreWithoutItsPasswordFileIsAUsageError(@TempDir Path tmp) {
        Cli.Run run = Cli.run("serve", "--data", tmp.resolve("data").toString(), "--port", "0",
                "--tls-keystore", tmp.resolve("server.p12").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--tls-keystore and --tls-password-file go together");
    }

    private static URI awaitUrl(StringWriter out, CompletableFuture<Integer> exit) throws InterruptedException {
        Pattern url = Pattern.compile("(https?://\\S+?/) ");
        for (int i = 0; i < 600; i++) {
            Matcher m = url.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (exit.isDone()) {
                throw new AssertionError("serve ended early with " + exit.join() + ": " + out);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no URL: " + out);
    }
}
