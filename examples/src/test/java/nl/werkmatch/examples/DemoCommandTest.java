package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.scoring.Component;

class DemoCommandTest {

    @Test
    void demoPrintsMatchesBothWaysWithExplanations() {
        Cli.Run run = Cli.run("demo", "--profiles", "600", "--vacancies", "300");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("Generating and indexing", "Ready in");
        assertThat(run.out()).contains("=== Best candidates for vacancy v-", "=== Best vacancies for job seeker p-");
        assertThat(run.out()).contains("skills:", "dutch:", "place:", "level:", "score ");
    }

    @Test
    void noListedMatchLacksSkillEvidence() {
        Cli.Run run = Cli.run("demo", "--profiles", "600", "--vacancies", "300");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("score ").doesNotContain("skills: 0 of", "skills 0.000");
    }

    private static MatchPage page(int n) {
        Map<Component, Double> none = Map.of();
        return new MatchPage(java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Match("p-" + i, 0.6, none, null)).toList(), 0, 3);
    }

    private static String shortPage(int shown, int withoutFloor) {
        StringWriter text = new StringWriter();
        DemoCommand.shortPage(page(shown), page(withoutFloor), new PrintWriter(text, true), "candidate", "candidates",
                "shows the skills this job asks for", "show the skills this job asks for");
        return text.toString().strip();
    }

    @Test
    void aShortPageSaysWhetherTheSkillFloorOrTheHardFiltersMadeItShort() {
        assertThat(shortPage(3, 3)).isEmpty();
        assertThat(shortPage(2, 3)).isEqualTo("(only 2 candidates within 50 km show the skills this job asks for)");
        assertThat(shortPage(1, 3)).isEqualTo("(only 1 candidate within 50 km shows the skills this job asks for)");
        assertThat(shortPage(2, 2)).isEqualTo("(only 2 candidates within 50 km pass the hard filters)");
    }
}
