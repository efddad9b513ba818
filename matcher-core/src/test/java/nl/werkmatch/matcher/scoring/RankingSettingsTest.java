package nl.werkmatch.matcher.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

class RankingSettingsTest {

    private static List<String> problems(String json) {
        try {
            RankingSettings.parse(json);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aWrittenFileReadsBackEqual(@TempDir Path dir) throws Exception {
        RankingSettings s = new RankingSettings(new ScoringWeights(0.4, 0.25, 0.2, 0.05, 0.1, 12),
                new SkillSimilarity.Config(0.8, 0.4, 0.1, 0.3, 2, 48),
                new EvidenceWeights(0.7, 0.9, 1.0, 0.6, 0.9, 0.5, 0.3, 96));
        Path file = dir.resolve("weights.json");
        s.write(file);
        assertThat(RankingSettings.read(file)).isEqualTo(s);
        assertThat(RankingSettings.DEFAULT.toJson()).contains("\"sibling\":0.3");
    }

    @Test
    void weightsWhoseWrittenRoundingsDoNotSumToOneStillReadBack() {
        // each of the first four rounds down by 4e-7 when written with 6 decimals: the file sums to 0.999998
        RankingSettings tuned = new RankingSettings(new ScoringWeights(0.2000004, 0.2000004, 0.2000004, 0.2000004,
                0.1999984, 12), RankingSettings.DEFAULT.similarity(), RankingSettings.DEFAULT.evidence());
        ScoringWeights back = RankingSettings.parse(tuned.toJson()).weights();
        assertThat(back.skills() + back.language() + back.distance() + back.level() + back.preference())
                .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(back.preference()).isCloseTo(0.1999984, org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void everythingLeftOutIsTheDefault() {
        assertThat(RankingSettings.parse("{}")).isEqualTo(RankingSettings.DEFAULT);
        RankingSettings s = RankingSettings.parse("{\"similarity\":{\"sibling\":0.1}}");
        assertThat(s.similarity().sibling()).isEqualTo(0.1);
        assertThat(s.similarity().related()).isEqualTo(SkillSimilarity.Config.DEFAULT.related());
        assertThat(s.weights()).isEqualTo(ScoringWeights.DEFAULT);
        assertThat(s.changesIndex(RankingSettings.DEFAULT)).isTrue();
        assertThat(RankingSettings.DEFAULT.withWeights(new ScoringWeights(1, 0, 0, 0, 0, 10))
                .changesIndex(RankingSettings.DEFAULT)).isFalse();
    }

    @Test
    void namesEveryProblemWithItsPath() {
        assertThat(problems("""
                {"weights":{"skills":0.5,"language":"high","distance":0.2,"level":0.1},
                 "similarity":{"narrower":0.5,"broader":0.6,"siblings":0.1,"maxDepth":2.5},
                 "evidence":{"declared":0,"maxCoveredSkills":0},
                 "notes":"x"}
                """)).containsExactly(
                "notes: unknown field; the known ones are weights, similarity, evidence",
                "similarity.siblings: unknown field; the known ones are narrower, broader, sibling, related, maxDepth, maxNeighbours",
                "weights.language: must be a number from 0 to 1, got \"high\"",
                "weights.preference: missing; give all five component weights (they sum to 1)",
                "similarity.maxDepth: must be a whole number from 0 to 16, got 2.5",
                "similarity.broader: must not exceed narrower (0.5): having the specific skill covers a general ask at least as well as the reverse",
                "evidence.declared: must be more than 0",
                "evidence.maxCoveredSkills: must be a whole number from 1 to 100000, got 0");
        assertThat(problems("{\"weights\":{\"skills\":0.5,\"language\":0.2,\"distance\":0.2,\"level\":0.2,\"preference\":0.1}}"))
                .containsExactly("weights: the five component weights must sum to 1, got 1.200000");
        assertThat(problems("{\"weights\": [1]}")).containsExactly(
                "weights: must be an object with fields skills, language, distance, level, preference, distancePivotKm");
        assertThat(problems("[]")).containsExactly("a weights file must be a JSON object with sections [weights, similarity, evidence]");
        assertThat(problems("{\"weights\": ")).singleElement().asString().startsWith("not valid JSON at line 1");
    }

    @Test
    void aTooLargeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        Files.writeString(file, " ".repeat((int) RankingSettings.MAX_FILE_BYTES + 1) + "{}");
        assertThatThrownBy(() -> RankingSettings.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 65536 bytes");
    }

    @Test
    void theMatcherBuilderTakesAllThreeParts() {
        RankingSettings s = RankingSettings.parse("""
                {"weights":{"skills":0.6,"language":0.2,"distance":0.1,"level":0.05,"preference":0.05},
                 "similarity":{"sibling":0.15},"evidence":{"experienceEssential":0.9}}""");
        try (Matcher m = Matcher.builder().ranking(s).build()) {
            assertThat(m.weights()).isEqualTo(s.weights());
            assertThat(m.scorer().similarity().config().sibling()).isEqualTo(0.15);
            assertThat(m.scorer().evidenceWeights().experienceEssential()).isEqualTo(0.9);
        }
    }
}
