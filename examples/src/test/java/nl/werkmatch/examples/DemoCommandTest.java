package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoPrintsMatchesBothWaysWithExplanations() {
        Cli.Run run = Cli.run("demo", "--profiles", "600", "--vacancies", "300");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("Generating and indexing", "Ready in");
        assertThat(run.out()).contains("=== Best candidates for vacancy v-", "=== Best vacancies for job seeker p-");
        assertThat(run.out()).contains("skills:", "dutch:", "place:", "level:", "score ");
    }
}
