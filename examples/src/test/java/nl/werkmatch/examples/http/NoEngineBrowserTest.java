package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import nl.werkmatch.examples.RecordStore;

/**
 * The web page on a server without the embedded engine (as {@code serve --opensearch} is): the advice panels, the
 * audit and the allocations show the server's 501 message where their results would be, and the rest of the view
 * (the ranked list) still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoEngineBrowserTest extends BrowserTestBase {

    @Test
    void advicePanelsAuditAndAllocationsShowTheMessage() throws Exception {
        try (ApiServer noEngine = ApiServer.start(EngineOnlyRoutesTest.withoutEngine(RecordStore.of(matcher)), null,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ServerOptions.defaults())) {
            ApiTest.awaitVacancySearch(noEngine);
            String base = noEngine.uri().toString();

            open(base, "#/vacancies/" + vacancy);
            wait.until(d -> !d.findElements(By.id("advice-error")).isEmpty());
            assertThat(driver.findElement(By.id("advice-error")).getText())
                    .contains("GET /vacancies/{id}/advice", "data directory");
            assertThat(shownIds()).as("the candidates are still listed").isNotEmpty();
            screenshot("no-engine-vacancy-advice");

            open(base, "#/profiles/" + profile);
            wait.until(d -> !d.findElements(By.id("advice-error")).isEmpty());
            assertThat(driver.findElement(By.id("advice-error")).getText())
                    .contains("GET /profiles/{id}/advice", "data directory");

            open(base, "#/audit?run=1");
            wait.until(d -> d.findElement(By.id("audit-result")).getText().contains("data directory"));
            assertThat(driver.findElement(By.id("audit-result")).getText()).contains("GET /audit");

            open(base, "#/allocations?run=1");
            wait.until(d -> d.findElement(By.id("main")).getText().contains("data directory"));
            assertThat(driver.findElement(By.id("main")).getText()).contains("POST /allocations");
        }
    }
}
