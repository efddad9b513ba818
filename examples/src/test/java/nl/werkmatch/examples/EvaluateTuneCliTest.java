package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.scoring.RankingSettings;

/**
 * generate --outcomes, evaluate, tune and --weights end to end on a generated world, as a person runs them,
 * including the mistakes: a bad outcomes file, a bad weights file, and credits the data was not indexed with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateTuneCliTest {
    @TempDir
    static Path tmp;
    Path world;
    Path data;
    Path outcomes;

    @BeforeAll
    void generateAndImport() {
        world = tmp.resolve("world");
        data = tmp.resolve("data");
        Cli.Run generate = Cli.run("generate", "--profiles", "1200", "--vacancies", "300", "--outcomes", "120",
                "--seed", "3", "--out", world.toString());
        assertThat(generate.exit()).as(generate.err()).isZero();
        assertThat(generate.out()).containsPattern("wrote \\d+ outcomes of 120 hiring rounds");
        outcomes = world.resolve("outcomes.jsonl");
        ok(Cli.run("import", "--data", data.toString(), "--profiles", world.resolve("profiles.jsonl").toString()));
        ok(Cli.run("import", "--data", data.toString(), "--vacancies", world.resolve("vacancies.jsonl").toString()));
    }

    private static Cli.Run ok(Cli.Run run) {
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        return run;
    }

    @Test
    void evaluatePrintsBothDirectionsBesideTheBaselines() {
        Cli.Run run = ok(Cli.run("evaluate", "--data", data.toString(), "--outcomes", outcomes.toString(), "--k", "5"));
        assertThat(run.out()).contains("candidates for a vacancy: 120 queries").contains("vacancies for a profile:")
                .contains("recall@5").contains("MRR@100").contains("nDCG@5")
                .contains("engine").contains("skills only").contains("exact overlap").contains("skill floor 0.20");
        assertThat(run.err()).contains("read ").contains(" outcomes from ");
    }

    @Test
    void aBadOutcomesFileIsRefusedNamingEveryBadLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, """
                {"profile":"p-1","vacancy":"v-1","outcome":"HIRED"}
                {"profile":"p-2","vacancy":"v-1","outcome":"OFFERED"}
                {"profile":"p-3","vacancy":"v-1","outcome":"HIRED","date":"yesterday"}
                """, StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("evaluate", "--data", data.toString(), "--outcomes", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("invalid input (2 problems)")
                .contains("line 2: outcome: \"OFFERED\" is not one of HIRED, INTERVIEWED, PROPOSED, REJECTED")
                .contains("line 3: date: \"yesterday\" is not a valid date")
                .doesNotContain("Exception");
    }

    @Test
    void tuneWritesAWeightsFileThatMatchEvaluateAndServeAccept() throws IOException {
        Path weights = tmp.resolve("tuned.json");
        Cli.Run run = ok(Cli.run("tune", "--data", data.toString(), "--outcomes", outcomes.toString(),
                "--out", weights.toString(), "--weights-only", "--rounds", "6"));
        assertThat(run.out()).contains("held-out nDCG@10").contains("before").contains("after")
                .contains("weights after:").contains("wrote " + weights + "; use it with --weights");
        assertThat(run.err()).contains("by date: outcomes after");
        RankingSettings tuned = RankingSettings.read(weights);
        assertThat(tuned.similarity()).isEqualTo(RankingSettings.DEFAULT.similarity());
        assertThat(tuned.weights()).isNotEqualTo(RankingSettings.DEFAULT.weights());
        Cli.Run evaluate = ok(Cli.run("evaluate", "--data", data.toString(), "--outcomes", outcomes.toString(),
                "--weights", weights.toString()));
        assertThat(evaluate.out()).contains("engine");
        Cli.Run match = ok(Cli.run("match", "--data", data.toString(), "--vacancy", "v-1", "--weights", weights.toString(), "--json"));
        // The contributions follow the file's weights: skills weight times a value in [0, 1].
        assertThat(match.out()).contains("\"matches\"");
    }

    @Test
    void otherCreditsOnDataIndexedWithoutThemAreRefusedAndANewDirectoryRemembersThem() throws IOException {
        Path credits = tmp.resolve("credits.json");
        Files.writeString(credits, "{\"similarity\":{\"sibling\":0.1,\"related\":0.3}}", StandardCharsets.UTF_8);
        Cli.Run refused = Cli.run("match", "--data", data.toString(), "--vacancy", "v-1", "--weights", credits.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("has other similarity credits or evidence weights than the data in")
                .contains("import the records into a new --data directory with --weights").doesNotContain("Exception");

        Cli.Run serve = Cli.run("serve", "--data", data.toString(), "--port", "0", "--weights", credits.toString());
        assertThat(serve.exit()).isEqualTo(1);
        assertThat(serve.err()).contains("has other similarity credits");

        Path other = tmp.resolve("data-credits");
        ok(Cli.run("import", "--data", other.toString(), "--weights", credits.toString(),
                "--profiles", world.resolve("profiles.jsonl").toString()));
        // Later commands without --weights use the credits the directory was indexed with.
        ok(Cli.run("import", "--data", other.toString(), "--vacancies", world.resolve("vacancies.jsonl").toString()));
        ok(Cli.run("match", "--data", other.toString(), "--vacancy", "v-1"));
        Path defaults = tmp.resolve("defaults.json");
        RankingSettings.DEFAULT.write(defaults);
        Cli.Run back = Cli.run("match", "--data", other.toString(), "--vacancy", "v-1", "--weights", defaults.toString());
        assertThat(back.exit()).isEqualTo(1);
        assertThat(back.err()).contains("has other similarity credits");
    }

    @Test
    void aBadWeightsFileIsAMessageNamingTheField() throws IOException {
        Path bad = tmp.resolve("bad-weights.json");
        Files.writeString(bad, "{\"weights\":{\"skills\":2}}", StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("match", "--data", data.toString(), "--vacancy", "v-1", "--weights", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("weights.skills: must be a number from 0 to 1, got 2").doesNotContain("Exception");
        Cli.Run missing = Cli.run("evaluate", "--data", data.toString(), "--outcomes", outcomes.toString(),
                "--weights", tmp.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file or directory");
    }
}
