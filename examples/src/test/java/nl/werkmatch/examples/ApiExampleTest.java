package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's API example runs and explains its one match. */
class ApiExampleTest {
    @Test
    void findsTheCandidateAndExplainsWhy() {
        String out = ApiExample.run();
        assertThat(out).startsWith("p-1 ");
        assertThat(out).contains("Heftruck rijden: has it").contains("language support").contains("Almere");
    }
}
