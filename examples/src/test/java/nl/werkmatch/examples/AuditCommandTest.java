package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code werkmatch audit} as a person runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    Path data;

    @BeforeAll
    void generateAndImport() {
        Path world = tmp.resolve("world");
        data = tmp.resolve("data");
        assertThat(Cli.run("generate", "--profiles", "300", "--vacancies", "120", "--seed", "11", "--out", world.toString()).exit()).isZero();
        assertThat(Cli.run("import", "--data", data.toString(), "--profiles", world.resolve("profiles.jsonl").toString()).exit()).isZero();
        assertThat(Cli.run("import", "--data", data.toString(), "--vacancies", world.resolve("vacancies.jsonl").toString()).exit()).isZero();
    }

    @Test
    void writesTheHtmlAndJsonReportsWithProgress() throws IOException {
        Path html = tmp.resolve("report.html");
        Path json = tmp.resolve("report.json");
        Cli.Run run = Cli.run("audit", "--data", data.toString(), "--k", "5", "--min-score", "0.2", "--out", html.toString(),
                "--json", json.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("ranking candidates:").contains("vacancies in");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.path("k").asInt()).isEqualTo(5);
        assertThat(report.path("profiles").asInt()).isEqualTo(300);
        int never = report.path("neverRecommended").size();
        assertThat(run.out()).contains("audited 300 profiles").contains(never + " never recommended");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("Inclusion audit").contains("<svg").doesNotContain("<script").doesNotContain("src=");
        assertThat(tmp.resolve("report.html.tmp")).doesNotExist();
        // the default advice: the first never-recommended profiles have it, and the file says for how many
        int advised = report.path("adviceCoverage").path("profilesAdvised").asInt();
        assertThat(advised).isEqualTo(Math.min(never, nl.werkmatch.matcher.audit.AuditRequest.DEFAULT_ADVICE));
        assertThat(report.path("neverRecommended").get(0).path("advice").path("suggestions").isArray()).isTrue();
        assertThat(run.out()).contains("advice for " + advised + " of " + never + " never-recommended profiles");
        assertThat(page).contains("What would help").contains("Advice computed for " + advised + " of the " + never);
    }

    @Test
    void adviceAndTheJsonLimitAreOptions() throws IOException {
        Path html = tmp.resolve("limited.html");
        Path json = tmp.resolve("limited.json");
        Cli.Run run = Cli.run("audit", "--data", data.toString(), "--k", "5", "--advice", "1", "--json-limit", "2",
                "--out", html.toString(), "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("advising who is never recommended:");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.path("neverRecommended").size()).isEqualTo(2);
        assertThat(report.path("neverRecommendedCount").asInt()).isGreaterThan(2);
        assertThat(report.path("neverRecommended").get(0).has("advice")).isTrue();
        assertThat(report.path("neverRecommended").get(1).has("advice")).isFalse();
        assertThat(report.path("adviceCoverage").path("profilesAdvised").asInt()).isEqualTo(1);

        Cli.Run none = Cli.run("audit", "--data", data.toString(), "--k", "5", "--advice", "0", "--out", html.toString(),
                "--json", json.toString());
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(JSON.readTree(json.toFile()).path("adviceCoverage").path("profilesAdvised").asInt()).isZero();
    }

    @Test
    void dutchIsTheDefaultLanguage() throws IOException {
        Path html = tmp.resolve("nl.html");
        assertThat(Cli.run("audit", "--data", data.toString(), "--k", "3", "--out", html.toString()).exit()).isZero();
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("Inclusie-audit").contains("lang=\"nl\"");
    }

    @Test
    void mistakesAreMessagesNotStackTraces() {
        Path html = tmp.resolve("x.html");
        Cli.Run day = Cli.run("audit", "--data", data.toString(), "--day", "yesterday", "--out", html.toString());
        assertThat(day.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(day.err()).contains("--day must be a date");
        Cli.Run region = Cli.run("audit", "--data", data.toString(), "--region", "Atlantis", "--out", html.toString());
        assertThat(region.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(region.err()).contains("region: \"Atlantis\" is not a labour market region").doesNotContain("Exception");
        Cli.Run lang = Cli.run("audit", "--data", data.toString(), "--lang", "de", "--out", html.toString());
        assertThat(lang.exit()).isEqualTo(ExitCodes.USAGE);
        Cli.Run advice = Cli.run("audit", "--data", data.toString(), "--advice", "-1", "--out", html.toString());
        assertThat(advice.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(advice.err()).contains("--advice must be from 0 to");
        Cli.Run limit = Cli.run("audit", "--data", data.toString(), "--json-limit", "-3", "--out", html.toString());
        assertThat(limit.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(limit.err()).contains("--json-limit must be 0 or more");
        Cli.Run missing = Cli.run("audit", "--data", tmp.resolve("nowhere").toString(), "--out", html.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no data at");
        Cli.Run dir = Cli.run("audit", "--data", data.toString(), "--out", tmp.resolve("no/such/dir/x.html").toString());
        assertThat(dir.err()).contains("is not a directory");
        assertThat(html).doesNotExist();
    }
}
