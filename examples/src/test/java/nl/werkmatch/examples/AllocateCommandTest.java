package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/** {@code werkmatch allocate} end to end on a generated world: the CSV, the JSON, the metrics and the mistakes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    Path data;
    String region;
    List<String> openIds = new ArrayList<>();

    @BeforeAll
    void generateAndImport() {
        Path world = tmp.resolve("world");
        data = tmp.resolve("data");
        assertThat(Cli.run("generate", "--profiles", "400", "--vacancies", "150", "--seed", "3", "--out", world.toString()).exit()).isZero();
        assertThat(Cli.run("import", "--data", data.toString(), "--profiles", world.resolve("profiles.jsonl").toString()).exit()).isZero();
        assertThat(Cli.run("import", "--data", data.toString(), "--vacancies", world.resolve("vacancies.jsonl").toString()).exit()).isZero();
        // The region with the most vacancies open today.
        try (Matcher m = Matcher.builder().taxonomy(TaxonomyJson.sample()).directory(data).build()) {
            Map<String, Integer> open = new HashMap<>();
            m.forEachVacancy(v -> {
                if (v.location() != null && v.isOpenOn(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")))) {
                    open.merge(m.regions().resolve(v.location()).orElseThrow().region().name(), 1, Integer::sum);
                    openIds.add(v.id());
                }
            });
            region = open.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    @Test
    void writesASpreadsheetCsvAndJsonAndPrintsTheMetricsSideBySide() throws IOException {
        Path csv = tmp.resolve("shortlists.csv");
        Path json = tmp.resolve("allocation.json");
        Cli.Run run = Cli.run("allocate", "--data", data.toString(), "--region", region, "--min-score", "0.3",
                "--out", csv.toString(), "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("plain", "allocated", "total score", "distinct candidates invited",
                "most lists one person is on", "Gini of invitations", "unfilled:");
        assertThat(run.err()).contains("ranking candidates");

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + ShortlistCsv.HEADER + "\r\n");
        List<List<String>> rows = parseCsv(text.substring(1));
        JsonNode answer = JSON.readTree(json.toFile());
        int invitations = 0;
        for (JsonNode s : answer.path("shortlists")) {
            invitations += s.path("candidates").size();
        }
        assertThat(invitations).isPositive();
        assertThat(rows).hasSize(invitations + 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(6);
            assertThat(row.get(3)).startsWith("p-");
            assertThat(Double.parseDouble(row.get(4))).isBetween(0.3, 1.0);
            assertThat(Integer.parseInt(row.get(5))).isPositive();
        }
        assertThat(answer.path("metrics").path("maxListsPerCandidate").asInt()).isLessThanOrEqualTo(2);
        assertThat(answer.path("plain").has("gini")).isTrue();
        assertThat(answer.path("solver").path("vacancies").asInt()).isPositive();
    }

    @Test
    void takesAFileOfVacancyIds() throws IOException {
        Path ids = tmp.resolve("ids.txt");
        Files.writeString(ids, "# open today\n" + String.join("\n", openIds.subList(0, 5)) + "\n\n");
        Cli.Run run = Cli.run("allocate", "--data", data.toString(), "--vacancies", ids.toString(), "--min-score", "0.2",
                "--per-position", "1", "--max-per-candidate", "1", "--out", tmp.resolve("ids.csv").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("5 vacancies open on");
    }

    @Test
    void mistakesAreMessagesNotStackTraces() {
        String out = tmp.resolve("x.csv").toString();
        Cli.Run region = Cli.run("allocate", "--data", data.toString(), "--region", "Atlantis", "--out", out);
        assertThat(region.exit()).isEqualTo(1);
        assertThat(region.err()).contains("regions[0]", "Atlantis").doesNotContain("\tat ");

        Cli.Run places = Cli.run("allocate", "--data", data.toString(), "--region", this.region, "--per-position", "0", "--out", out);
        assertThat(places.exit()).isEqualTo(1);
        assertThat(places.err()).contains("--per-position must be from 1 to 100").doesNotContain("\tat ");

        Cli.Run day = Cli.run("allocate", "--data", data.toString(), "--region", this.region, "--day", "tomorrow", "--out", out);
        assertThat(day.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(day.err()).contains("--day");

        Cli.Run closed = Cli.run("allocate", "--data", data.toString(), "--region", this.region, "--day", "1999-01-01", "--out", out);
        assertThat(closed.exit()).isEqualTo(1);
        assertThat(closed.err()).contains("no vacancy in this scope is open on 1999-01-01");

        Cli.Run both = Cli.run("allocate", "--data", data.toString(), "--region", this.region, "--municipality", "GM0363", "--out", out);
        assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(ShortlistCsv.cell("Bakker")).isEqualTo("Bakker");
        assertThat(ShortlistCsv.cell("Bakkerij, Zuid")).isEqualTo("\"Bakkerij, Zuid\"");
        assertThat(ShortlistCsv.cell("De \"Echte\" Bakker")).isEqualTo("\"De \"\"Echte\"\" Bakker\"");
        assertThat(ShortlistCsv.cell("twee\nregels")).isEqualTo("\"twee\nregels\"");
        assertThat(ShortlistCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ShortlistCsv.cell("-1")).isEqualTo("'-1");
        assertThat(parseCsv("a,\"b,\"\"c\"\"\",d\r\n")).containsExactly(List.of("a", "b,\"c\"", "d"));
    }

    /** RFC 4180 as a spreadsheet reads it. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

}
