package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * The commands end to end, as a person runs them: generate, import (good, bad and strict), match (table and
 * JSON), skills, and the failures a person can cause, which must give a message and an exit code, never a stack
 * trace. One generated world is shared, since every matcher start costs seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    Path world;
    Path data;
    String vacancy;
    String profile;

    @BeforeAll
    void generateAndImport() {
        world = tmp.resolve("world");
        data = tmp.resolve("data");
        Cli.Run generate = Cli.run("generate", "--profiles", "300", "--vacancies", "150", "--seed", "7", "--out", world.toString());
        assertThat(generate.exit()).as(generate.err()).isZero();
        assertThat(world.resolve("profiles.jsonl")).exists();

        Cli.Run profiles = Cli.run("import", "--data", data.toString(), "--profiles", world.resolve("profiles.jsonl").toString());
        assertThat(profiles.exit()).as(profiles.out() + profiles.err()).isZero();
        assertThat(profiles.lastLine()).isEqualTo("read 300, imported 300, rejected 0");
        Cli.Run vacancies = Cli.run("import", "--data", data.toString(), "--vacancies", world.resolve("vacancies.jsonl").toString());
        assertThat(vacancies.exit()).as(vacancies.out() + vacancies.err()).isZero();
        assertThat(vacancies.lastLine()).isEqualTo("read 150, imported 150, rejected 0");
        assertThat(vacancies.err()).contains("importing: 150 vacancies");

        // Not every synthetic vacancy has candidates within everyone's travel limit: pick ones that do.
        try (Matcher m = Matcher.builder().taxonomy(TaxonomyJson.sample()).directory(data).build()) {
            vacancy = IntStream.range(0, 150).mapToObj(i -> "v-" + i)
                    .filter(id -> m.candidatesFor(id, MatchRequest.builder().k(3).build()).matches().size() == 3)
                    .findFirst().orElseThrow();
            profile = IntStream.range(0, 300).mapToObj(i -> "p-" + i)
                    .filter(id -> m.vacanciesFor(id, MatchRequest.builder().k(2).build()).matches().size() == 2)
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void matchPrintsATableWithContributionsAndWhy() {
        Cli.Run run = Cli.run("match", "--data", data.toString(), "--vacancy", vacancy, "--top", "5");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).contains("#", "id", "score", "skills", "lang", "dist", "level", "pref", "why");
        assertThat(run.out()).contains("1  p-").containsPattern("\\d/\\d+ skills");
    }

    @Test
    void matchWithExplainPrintsEachExplanation() {
        Cli.Run run = Cli.run("match", "--data", data.toString(), "--profile", profile, "--top", "2", "--explain");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("skills:", "dutch:", "place:", "level:");
    }

    @Test
    void matchJsonIsOneObjectWithContributions() throws IOException {
        Cli.Run run = Cli.run("match", "--data", data.toString(), "--vacancy", vacancy, "--top", "3", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("matches").size()).isEqualTo(3);
        JsonNode first = json.path("matches").get(0);
        assertThat(first.path("id").asText()).startsWith("p-");
        assertThat(first.path("contributions").fieldNames()).toIterable()
                .contains("skills", "language", "distance", "level", "preference");
        assertThat(first.has("explanation")).isFalse();
    }

    @Test
    void matchTakesASkillFloor() throws IOException {
        Cli.Run run = Cli.run("match", "--data", data.toString(), "--vacancy", vacancy, "--top", "20", "--json",
                "--min-skill-fit", "0.3");
        assertThat(run.exit()).as(run.err()).isZero();
        // default weights: the skills contribution is 0.5 times the skills component
        for (JsonNode m : JSON.readTree(run.out()).path("matches")) {
            assertThat(m.path("contributions").path("skills").asDouble()).isGreaterThanOrEqualTo(0.5 * 0.3);
        }
        Cli.Run bad = Cli.run("match", "--data", data.toString(), "--vacancy", vacancy, "--min-skill-fit", "2");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("--min-skill-fit").doesNotContain("\tat ");
    }

    @Test
    void adviseJsonEqualsTheLibrarysAdviceAndTheTableShowsIt() throws IOException {
        Cli.Run run = Cli.run("advise", "--data", data.toString(), "--profile", profile, "--min-score", "0.4", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        nl.werkmatch.matcher.advice.Advice advice;
        try (Matcher m = Matcher.builder().taxonomy(TaxonomyJson.sample()).directory(data).build()) {
            advice = m.adviseProfile(profile, nl.werkmatch.matcher.advice.AdviceRequest.DEFAULT.withMinScore(0.4));
        }
        assertThat(json).isEqualTo(JSON.readTree(nl.werkmatch.matcher.json.AdviceJson.toJson(advice).toString()));
        assertThat(json.path("id").asText()).isEqualTo(profile);
        assertThat(json.path("reachable").asInt()).isEqualTo(advice.reachable());

        Cli.Run table = Cli.run("advise", "--data", data.toString(), "--profile", profile, "--min-score", "0.4");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("profile " + profile + " reaches " + advice.reachable() + " open vacancies");
        for (nl.werkmatch.matcher.advice.Suggestion s : advice.suggestions()) {
            assertThat(table.out()).contains(s.summary());
        }
    }

    @Test
    void adviseAVacancyEqualsTheLibrarysAdvice() throws IOException {
        Cli.Run run = Cli.run("advise", "--data", data.toString(), "--vacancy", vacancy, "--min-score", "0.4", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        nl.werkmatch.matcher.advice.Advice advice;
        try (Matcher m = Matcher.builder().taxonomy(TaxonomyJson.sample()).directory(data).build()) {
            advice = m.adviseVacancy(vacancy, nl.werkmatch.matcher.advice.AdviceRequest.DEFAULT.withMinScore(0.4));
        }
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(nl.werkmatch.matcher.json.AdviceJson.toJson(advice).toString()));
        Cli.Run table = Cli.run("advise", "--data", data.toString(), "--vacancy", vacancy, "--min-score", "0.4");
        assertThat(table.out()).contains("vacancy " + vacancy + " reaches " + advice.reachable() + " candidates");
    }

    @Test
    void adviseWithAnOccupationPrintsTheLibrarysCareerStep() throws IOException {
        String occupation;
        nl.werkmatch.matcher.advice.Advice advice;
        try (Matcher m = Matcher.builder().taxonomy(TaxonomyJson.sample()).directory(data).build()) {
            occupation = m.vacancy(vacancy).orElseThrow().occupation();
            advice = m.adviseProfile(profile, nl.werkmatch.matcher.advice.AdviceRequest.DEFAULT.withMinScore(0.4)
                    .withOccupation(occupation));
        }
        Cli.Run run = Cli.run("advise", "--data", data.toString(), "--profile", profile, "--min-score", "0.4",
                "--occupation", occupation, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(nl.werkmatch.matcher.json.AdviceJson.toJson(advice).toString()));
        Cli.Run table = Cli.run("advise", "--data", data.toString(), "--profile", profile, "--min-score", "0.4",
                "--occupation", occupation);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("career step towards ");
        if (advice.careerStep() != null) {
            assertThat(table.out()).contains(advice.careerStep().label() + " (" + occupation + ")");
        }
        Cli.Run forVacancy = Cli.run("advise", "--data", data.toString(), "--vacancy", vacancy, "--occupation", occupation);
        assertThat(forVacancy.exit()).isEqualTo(64);
        assertThat(forVacancy.err()).contains("--occupation").doesNotContain("\tat ");
        Cli.Run unknown = Cli.run("advise", "--data", data.toString(), "--profile", profile, "--occupation", "o-nope");
        assertThat(unknown.exit()).isEqualTo(64);
        assertThat(unknown.err()).contains("o-nope");
    }

    @Test
    void adviseMistakesAreMessages() {
        Cli.Run unknown = Cli.run("advise", "--data", data.toString(), "--profile", "nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("nope").doesNotContain("\tat ");
        Cli.Run score = Cli.run("advise", "--data", data.toString(), "--profile", profile, "--min-score", "2");
        assertThat(score.exit()).isEqualTo(64);
        assertThat(score.err()).contains("--min-score must be from 0 to 1");
        Cli.Run lang = Cli.run("advise", "--data", data.toString(), "--profile", profile, "--lang", "xx");
        assertThat(lang.exit()).isEqualTo(64);
        assertThat(lang.err()).contains("no labels in \"xx\"");
    }

    @Test
    void matchOnAnUnknownIdIsAMessageAndExit1() {
        Cli.Run run = Cli.run("match", "--data", data.toString(), "--vacancy", "nope");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nope").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void matchOnAMissingDataDirectoryIsAMessage() {
        Cli.Run run = Cli.run("match", "--data", tmp.resolve("nothing-here").toString(), "--vacancy", "v-0");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no data at").doesNotContain("\tat ");
    }

    @Test
    void aDataDirectoryInUseIsAMessage() {
        try (Matcher holder = Matcher.builder().taxonomy(TaxonomyJson.sample()).directory(data).build()) {
            Cli.Run run = Cli.run("match", "--data", data.toString(), "--vacancy", vacancy);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("in use").doesNotContain("\tat ");
        }
    }

    @Test
    void aBulkImportCompactsTheIndexAndASmallOneLeavesIt() throws IOException {
        Path file = world.resolve("profiles.jsonl");
        Path dir = tmp.resolve("compact-data");
        Cli.Run bulk = Cli.run("import", "--data", dir.toString(), "--profiles", file.toString());
        assertThat(bulk.exit()).as(bulk.err()).isZero();
        assertThat(bulk.err()).contains("compacting the index of 300 profiles").contains("compacted in");
        try (var index = org.apache.lucene.store.FSDirectory.open(dir.resolve("profiles"));
             var reader = org.apache.lucene.index.DirectoryReader.open(index)) {
            assertThat(reader.leaves()).as("one segment").hasSize(1);
        }

        Path few = tmp.resolve("few.jsonl");
        Files.write(few, Files.readAllLines(file).subList(0, 10));
        Cli.Run small = Cli.run("import", "--data", dir.toString(), "--profiles", few.toString());
        assertThat(small.exit()).as(small.err()).isZero();
        assertThat(small.err()).as("10 of 300 is no bulk load").doesNotContain("compacting");

        Cli.Run skipped = Cli.run("import", "--data", tmp.resolve("uncompacted-data").toString(), "--profiles",
                file.toString(), "--no-compact");
        assertThat(skipped.exit()).as(skipped.err()).isZero();
        assertThat(skipped.err()).doesNotContain("compacting");
        assertThat(skipped.lastLine()).isEqualTo("read 300, imported 300, rejected 0");
    }

    @Test
    void importReportsBadLinesAndImportsTheGoodOnes() throws IOException {
        Path file = badFile("mixed.jsonl");
        Path dir = tmp.resolve("mixed-data");
        Cli.Run run = Cli.run("import", "--data", dir.toString(), "--profiles", file.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).contains("line 2: ", "line 4: skills[0].id: ", "line 5: dutch.speaking: ");
        assertThat(run.lastLine()).isEqualTo("read 5, imported 2, rejected 3");
        assertThat(run.err()).doesNotContain("\tat ");

        Cli.Run found = Cli.run("match", "--data", dir.toString(), "--profile", "p-0", "--json");
        assertThat(found.exit()).as(found.err()).isZero();
    }

    @Test
    void strictImportsNothingWhenAnyLineIsBad() throws IOException {
        Path file = badFile("strict.jsonl");
        Path dir = tmp.resolve("strict-data");
        Cli.Run run = Cli.run("import", "--data", dir.toString(), "--profiles", file.toString(), "--strict");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("line 2: ", "line 4: skills[0].id: ");
        assertThat(run.lastLine()).isEqualTo("read 5, imported 0, rejected 3");

        Cli.Run none = Cli.run("match", "--data", dir.toString(), "--profile", "p-0");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("p-0");
    }

    @Test
    void anotherTaxonomyOnTheSameDataIsRefusedClearly() throws IOException {
        Path other = tmp.resolve("other-taxonomy.json");
        Files.writeString(other, """
                {"id":"other","version":"1","defaultLanguage":"nl",
                 "skills":[{"id":"s-x","type":"SKILL","labels":{"nl":"Iets"}}],
                 "occupations":[{"id":"o-x","labels":{"nl":"Iemand"},"skills":[{"id":"s-x","relevance":"ESSENTIAL"}]}]}
                """);
        Cli.Run run = Cli.run("import", "--data", data.toString(), "--taxonomy", other.toString(),
                "--profiles", world.resolve("profiles.jsonl").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).containsIgnoringCase("taxonomy").contains("leave out --taxonomy")
                .doesNotContain("\tat ");
    }

    @Test
    void aDirectoryMadeWithAnotherTaxonomyAsksForItByName() throws IOException {
        Path other = tmp.resolve("own-taxonomy.json");
        Files.writeString(other, """
                {"id":"own","version":"3","defaultLanguage":"nl",
                 "skills":[{"id":"s-x","type":"SKILL","labels":{"nl":"Iets"}}],
                 "occupations":[{"id":"o-x","labels":{"nl":"Iemand"},"skills":[{"id":"s-x","relevance":"ESSENTIAL"}]}]}
                """);
        Path own = tmp.resolve("own-data");
        Cli.run("import", "--data", own.toString(), "--taxonomy", other.toString(),
                "--profiles", world.resolve("profiles.jsonl").toString());
        Cli.Run match = Cli.run("match", "--data", own.toString(), "--profile", "p-0");
        assertThat(match.exit()).isEqualTo(1);
        assertThat(match.err()).contains("was made with taxonomy own v3").contains("--taxonomy").doesNotContain("\tat ");
        Cli.Run named = Cli.run("match", "--data", own.toString(), "--taxonomy", other.toString(), "--profile", "p-0");
        assertThat(named.err()).as("the taxonomy named again opens the directory").doesNotContain("was made with")
                .contains("p-0");   // no such profile: every generated one used the sample's skills
    }

    @Test
    void skillsFindsLassen() {
        Cli.Run run = Cli.run("skills", "lassen");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("s-lassen", "Lassen");
    }

    @Test
    void usageMistakesExit64WithTheUsage() {
        Cli.Run run = Cli.run("import", "--profiles", "x.jsonl");
        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err()).contains("--data").contains("Usage:");
    }

    @Test
    void helpListsEveryCommandAndVersionPrints() {
        Cli.Run help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("demo", "import", "match", "skills", "generate", "serve");
        Cli.Run version = Cli.run("--version");
        assertThat(version.out()).startsWith("werkmatch ");
    }

    @Test
    void aMissingInputFileIsAMessage() {
        Cli.Run run = Cli.run("import", "--data", tmp.resolve("d2").toString(), "--profiles", tmp.resolve("missing.jsonl").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no such file").contains("missing.jsonl");
    }

    /** Two good profiles (lines 1 and 3) among three bad lines: not JSON, an unknown skill, a bad CEFR level. */
    private Path badFile(String name) throws IOException {
        List<String> good = Files.readAllLines(world.resolve("profiles.jsonl"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        lines.add(good.get(0));
        lines.add("{\"id\": \"broken\", ");
        lines.add(good.get(1));
        lines.add("{\"id\":\"p-x\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"},"
                + "\"skills\":[{\"id\":\"s-no-such-skill\",\"evidence\":\"DECLARED\"}]}");
        lines.add("{\"id\":\"p-y\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"},"
                + "\"dutch\":{\"listening\":\"A2\",\"reading\":\"A1\",\"speaking\":\"B3\",\"writing\":\"A1\"}}");
        Path file = tmp.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
