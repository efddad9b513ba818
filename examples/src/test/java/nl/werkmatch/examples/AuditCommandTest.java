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
        Cli.Run missing = Cli.run("audit", "--data", tmp.resolve("nowhere").toString(), "--out", html.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no data at");
        Cli.Run dir = Cli.run("audit", "--data", data.toString(), "--out", tmp.resolve("no/such/dir/x.html").toString());
        assertThat(dir.err()).contains("is not a directory");
        assertThat(html).doesNotExist();
    }
}
