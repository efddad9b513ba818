package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} as a person starts it: prints the URL, answers, and on stop commits what was written. */
class ServeCommandTest {

    @Test
    void servesUntilStoppedAndCommits(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        CommandLine cli = new CommandLine(new WerkmatchCli());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("serve", "--data", data.toString(), "--port", "0"));

        URI base = awaitUrl(out, exit);
        HttpClient http = HttpClient.newHttpClient();
        String profile = "{\"id\":\"p-1\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"},"
                + "\"skills\":[{\"id\":\"s-lassen\",\"evidence\":\"DECLARED\"}]}";
        var put = http.send(HttpRequest.newBuilder(base.resolve("profiles/p-1"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profile)).build(), BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        var health = http.send(HttpRequest.newBuilder(base.resolve("health")).build(), BodyHandlers.ofString());
        assertThat(health.body()).contains("\"profiles\":1");

        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        serve.stop.complete(null);
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).contains("Stopped.");
        assertThat(nl.werkmatch.matcher.Matcher.inspect(data).orElseThrow().taxonomyId()).isEqualTo("werkmatch-sample");

        Cli.Run match = Cli.run("match", "--data", data.toString(), "--profile", "p-1", "--json");
        assertThat(match.exit()).as("the profile written over HTTP was committed: " + match.err()).isZero();
    }

    private static URI awaitUrl(StringWriter out, CompletableFuture<Integer> exit) throws InterruptedException {
        Pattern url = Pattern.compile("(http://\\S+?/) ");
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
