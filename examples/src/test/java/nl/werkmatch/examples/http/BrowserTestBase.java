package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import picocli.CommandLine;

import nl.werkmatch.examples.WerkmatchCli;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/**
 * What the browser tests share: a generated world of 3,000 profiles and 400 vacancies behind a real {@link ApiServer},
 * a headless Debian Chromium driven through chromedriver, and helpers to open a view, ask the API the same
 * question, take a screenshot under target/screenshots and run axe-core. The tests are skipped, with the command
 * to install them, when chromium and chromium-driver are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(20);

    final HttpClient http = HttpClient.newHttpClient();
    Matcher matcher;
    ApiServer server;
    WebDriver driver;
    WebDriverWait wait;
    String vacancy;
    String profile;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (install them with: apt-get install chromium chromium-driver)");
        matcher = Matcher.inMemory();
        SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(15)
                .today(LocalDate.now()).build();
        matcher.upsertProfiles(world.profiles(3000).toList());
        matcher.upsertVacancies(world.vacancies(400).toList());
        matcher.refresh();
        server = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ApiTest.awaitVacancySearch(server);
        vacancy = firstWithAtLeast("/vacancies/%s/candidates", "v-", 400, 25);
        profile = firstWithAtLeast("/profiles/%s/vacancies", "p-", 3000, 12);
        Files.createDirectories(SCREENSHOTS);

        // The driver is named explicitly so that Selenium Manager never looks for one on the network.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1360,1500", "--lang=nl-NL", "--force-device-scale-factor=1");
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
        // The page re-renders parts (a second 401 redraws the sign-in form): look the element up again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (matcher != null) {
            matcher.close();
        }
    }

    @BeforeEach
    void dutchAndSignedOut() {
        driver.get(server.uri().toString());
        ((JavascriptExecutor) driver).executeScript("localStorage.clear(); sessionStorage.clear();");
        driver.get("about:blank"); // so that the next open loads the page afresh, not only a new hash
    }

    // ---- helpers

    void open(String hash) {
        open(server.uri().toString(), hash);
    }

    void open(String base, String hash) {
        driver.get(base + hash);
        wait.until(d -> d.findElement(By.id("main")).getAttribute("aria-busy") == null
                && d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty());
    }

    List<String> shownIds() {
        wait.until(d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty());
        return ids(driver.findElements(By.cssSelector("li.match")));
    }

    void waitForList(List<String> expected) {
        wait.until(d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty()
                && ids(d.findElements(By.cssSelector("li.match"))).equals(expected));
    }

    static List<String> ids(List<WebElement> elements) {
        List<String> ids = new ArrayList<>();
        elements.forEach(e -> ids.add(e.getAttribute("data-id")));
        return ids;
    }

    /** The first {@code n} ids the API answers for this query (the page asks for one more to know of a next page). */
    List<String> apiIds(String path, String query, int n) throws Exception {
        JsonNode matches = api(path + "?" + query + "&explain=true&lang=nl").path("matches");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(n, matches.size()); i++) {
            ids.add(matches.get(i).path("id").asText());
        }
        return ids;
    }

    JsonNode api(String pathAndQuery) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(server.uri().toString()).resolve(pathAndQuery)).build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The first id of this prefix whose match list has at least {@code least} entries. */
    String firstWithAtLeast(String template, String prefix, int count, int least) throws Exception {
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            if (api(String.format(template, id) + "?k=" + least).path("matches").size() >= least) {
                return id;
            }
        }
        throw new IllegalStateException("the generated world has no " + prefix + " with " + least + " matches");
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Runs axe-core on the page as it is and fails on any serious or critical violation, listing them. */
    void axe(String where) throws IOException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("axe/axe.min.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(script);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)),"
                + " e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        JsonNode violations = JSON.readTree((String) result);
        List<String> serious = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + targets);
            }
        }
        assertThat(serious).as("axe-core on the " + where).isEmpty();
    }
}
