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
 * The web page in a real headless Chromium on a generated world: each view shows exactly what the API answers,
 * explanations open, filters and paging change the list as the API says, the language switches, and axe-core
 * finds no serious or critical accessibility violation. Screenshots of every view go to target/screenshots.
 * Skipped, with the command to install them, when Debian's chromium and chromium-driver are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchBrowserTest extends BrowserTestBase {
    @Test
    void theVacancyViewShowsExactlyTheApiTopMatchesAndExplainsThem() throws Exception {
        open("#/vacancies/" + vacancy);
        assertThat(shownIds()).isEqualTo(apiIds("/vacancies/" + vacancy + "/candidates", "k=11&offset=0", 10));
        assertThat(driver.findElement(By.id("page-title")).getText())
                .isEqualTo(matcher.vacancy(vacancy).orElseThrow().title());
        screenshot("vacancy");

        JsonNode first = api("/vacancies/" + vacancy + "/candidates?k=11&explain=true&lang=nl").path("matches").get(0);
        WebElement item = driver.findElements(By.cssSelector("li.match")).get(0);
        WebElement button = item.findElement(By.cssSelector("button.disclosure"));
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
        button.click();
        WebElement detail = item.findElement(By.cssSelector(".match-detail"));
        wait.until(ExpectedConditions.visibilityOf(detail));
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
        List<WebElement> rows = detail.findElements(By.cssSelector("table.explain-skills tbody tr"));
        JsonNode skills = first.path("explanation").path("skills");
        assertThat(rows).hasSize(skills.size());
        for (int i = 0; i < skills.size(); i++) {
            String row = rows.get(i).getText();
            JsonNode skill = skills.get(i);
            String relation = skill.path("relation").asText();
            assertThat(row).contains(skill.path("requiredLabel").asText())
                    .contains(String.format(java.util.Locale.ROOT, "%.2f", skill.path("credit").asDouble()).replace('.', ','))
                    .contains(!skill.hasNonNull("coveredBy") ? "✗ ontbreekt"
                            : relation.equals("EXACT") || relation.equals("NARROWER") ? "✓" : "≈");
            if (skill.hasNonNull("coveredBy") && !relation.equals("EXACT")) {
                assertThat(row).contains(skill.path("coveredByLabel").asText());
            }
            if (skill.hasNonNull("fromOccupation")) {
                assertThat(row).contains("uit werkervaring als " + skill.path("fromOccupationLabel").asText());
            }
        }
        assertThat(detail.findElements(By.cssSelector("table.explain-dutch tbody tr"))).hasSize(4);
        assertThat(detail.getText()).contains(first.path("explanation").path("distance").path("candidateMunicipality").asText());
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", item);
        screenshot("vacancy-explained");
        axe("vacancy view, explanation open");
    }

    @Test
    void aFilterAndPagingChangeTheListAsTheApiSays() throws Exception {
        open("#/vacancies/" + vacancy);
        assertThat(driver.findElements(By.name("jobType"))).isEmpty();
        WebElement km = driver.findElement(By.name("withinKm"));
        km.clear();
        km.sendKeys("40");
        driver.findElement(By.name("essential")).click();
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("withinKm=40") && d.getCurrentUrl().contains("essential=1"));
        String filters = "withinKm=40&requireEssentialSkills=true";
        List<String> expected = apiIds("/vacancies/" + vacancy + "/candidates", "k=11&offset=0&" + filters, 10);
        waitForList(expected);
        assertThat(shownIds()).isEqualTo(expected);

        open("#/vacancies/" + vacancy);
        driver.findElement(By.id("page-next")).click();
        wait.until(d -> d.getCurrentUrl().contains("page=2"));
        List<String> second = apiIds("/vacancies/" + vacancy + "/candidates", "k=11&offset=10", 10);
        waitForList(second);
        assertThat(shownIds()).isEqualTo(second);
        assertThat(driver.findElement(By.cssSelector("ol.match-list")).getAttribute("start")).isEqualTo("11");
        wait.until(d -> "results-status".equals(d.switchTo().activeElement().getAttribute("id"))); // focus follows the change
        driver.findElement(By.id("page-previous")).click();
        waitForList(apiIds("/vacancies/" + vacancy + "/candidates", "k=11&offset=0", 10));
    }

    @Test
    void theLanguageSwitchesToEnglishWithEnglishSkillLabels() throws Exception {
        open("#/vacancies/" + vacancy);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        assertThat(driver.findElement(By.cssSelector("label[for=lang-select]")).getText()).isEqualTo("Taal");
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("en");
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        wait.until(d -> d.findElement(By.id("candidates-title")).getText().equals("Matching candidates"));
        waitForList(apiIds("/vacancies/" + vacancy + "/candidates", "k=11&offset=0", 10));
        WebElement item = driver.findElements(By.cssSelector("li.match")).get(0);
        item.findElement(By.cssSelector("button.disclosure")).click();
        JsonNode english = api("/vacancies/" + vacancy + "/candidates?k=11&explain=true&lang=en").path("matches").get(0);
        JsonNode dutch = api("/vacancies/" + vacancy + "/candidates?k=11&explain=true&lang=nl").path("matches").get(0);
        String en = english.path("explanation").path("skills").get(0).path("requiredLabel").asText();
        assertThat(en).isNotEqualTo(dutch.path("explanation").path("skills").get(0).path("requiredLabel").asText());
        WebElement detail = item.findElement(By.cssSelector(".match-detail"));
        wait.until(ExpectedConditions.visibilityOf(detail));
        assertThat(detail.getText()).contains(en).contains("Listening");
        screenshot("vacancy-english");
        axe("vacancy view in English");
    }

    @Test
    void theProfileViewShowsTheApiBestVacanciesAndNoAuditFields() throws Exception {
        open("#/profiles/" + profile);
        assertThat(shownIds()).isEqualTo(apiIds("/profiles/" + profile + "/vacancies", "k=11&offset=0", 10));
        String page = driver.findElement(By.id("main")).getText();
        var audit = matcher.profile(profile).orElseThrow().audit();
        if (audit != null && audit.countryOfOrigin() != null) {
            assertThat(page).doesNotContain(audit.countryOfOrigin());
        }
        JsonNode first = api("/profiles/" + profile + "/vacancies?k=11&explain=true&lang=nl").path("matches").get(0);
        assertThat(driver.findElements(By.cssSelector("li.match .match-title")).get(0).getText())
                .isEqualTo(first.path("vacancy").path("title").asText());
        screenshot("profile");

        // The profile's list filters on job type and region (the vacancy view has no job type filter: its
        // candidates all accept the vacancy's one job type).
        assertThat(driver.findElements(By.cssSelector("#vacancies select[name=jobType]"))).hasSize(1);
        String region = first.path("explanation").path("distance").path("vacancyRegion").asText();
        new Select(driver.findElement(By.name("jobType"))).selectByValue("REGULAR");
        new Select(driver.findElement(By.name("region"))).selectByValue(region);
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("jobType=REGULAR"));
        List<String> filtered = apiIds("/profiles/" + profile + "/vacancies", "k=11&offset=0&jobType=REGULAR&region="
                + URLEncoder.encode(region, StandardCharsets.UTF_8), 10);
        assertThat(filtered).isNotEmpty();
        waitForList(filtered);
        driver.findElements(By.cssSelector("li.match button.disclosure")).get(0).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.match .match-detail table.explain-skills")));
        axe("profile view, explanation open");
    }

    @Test
    void theSearchFindsWhatTheApiFindsAndOpensAVacancy() throws Exception {
        String employer = matcher.vacancy(vacancy).orElseThrow().employer();
        String word = employer.split(" ")[0];
        open("#/");
        WebElement q = driver.findElement(By.name("q"));
        q.sendKeys(word);
        driver.findElement(By.cssSelector("#vacancy-search button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("q="));
        JsonNode hits = api("/vacancies?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) + "&limit=25&lang=nl").path("hits");
        List<String> expected = new ArrayList<>();
        hits.forEach(h -> expected.add(h.path("id").asText()));
        assertThat(expected).isNotEmpty();
        wait.until(d -> ids(d.findElements(By.cssSelector("#search-results tbody tr"))).equals(expected));
        screenshot("search");
        axe("search view");

        WebElement profileId = driver.findElement(By.name("profile"));
        profileId.sendKeys("no-such-person");
        driver.findElement(By.cssSelector("#profile-open button[type=submit]")).click();
        wait.until(d -> d.findElement(By.cssSelector("#profile-open .alert")).getText().contains("no-such-person"));

        driver.findElement(By.cssSelector("#search-results tbody tr a")).click();
        wait.until(ExpectedConditions.urlContains("#/vacancies/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.match, .empty")));
    }

    @Test
    void anUnknownVacancyAndAnUnknownRouteSayWhat() throws Exception {
        open("#/vacancies/no-such-vacancy");
        wait.until(d -> !d.findElements(By.cssSelector(".alert-error")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".alert-error")).getText()).contains("Niet gevonden").contains("no-such-vacancy");
        open("#/nowhere");
        wait.until(d -> d.findElement(By.id("page-title")).getText().equals("Deze pagina bestaat niet"));
    }

    @Test
    void theExplanationOpensFromTheKeyboard() {
        open("#/vacancies/" + vacancy);
        WebElement first = driver.findElements(By.cssSelector("li.match button.disclosure")).get(0);
        // Tab from the top of the page until the first explanation button has the focus: every control on the
        // way is reachable, and the button is too.
        driver.findElement(By.tagName("body")).click();
        WebElement active = null;
        for (int i = 0; i < 60 && !first.equals(active); i++) {
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            active = driver.switchTo().activeElement();
        }
        assertThat(active).as("the first explanation button is reachable with Tab").isEqualTo(first);
        String outline = (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.activeElement).outlineStyle");
        assertThat(outline).as("focus is visible").isNotEqualTo("none");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        wait.until(d -> "true".equals(first.getAttribute("aria-expanded")));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.SPACE).perform();
        wait.until(d -> "false".equals(first.getAttribute("aria-expanded")));
    }

    @Test
    void theCsvHoldsTheListAsTheApiRanksIt() throws Exception {
        open("#/vacancies/" + vacancy + "?withinKm=60");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // Keep the file's text when the page makes it (headless Chromium would save it somewhere unknown).
        js.executeScript("window.csvText = null; const make = URL.createObjectURL;"
                + "URL.createObjectURL = (blob) => { blob.text().then(t => { window.csvText = t; }); return make(blob); };");
        driver.findElement(By.id("csv-download")).click();
        wait.until(d -> js.executeScript("return window.csvText") != null);
        String csv = (String) js.executeScript("return window.csvText");
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        assertThat(lines[0]).startsWith("Nr.;id;Score;Vaardigheden;Taal;Afstand;Niveau;Voorkeur;km;");
        JsonNode matches = api("/vacancies/" + vacancy + "/candidates?k=500&offset=0&explain=true&lang=nl&withinKm=60").path("matches");
        assertThat(lines).hasSize(matches.size() + 1);
        for (int i = 0; i < matches.size(); i++) {
            String[] cells = lines[i + 1].split(";");
            assertThat(cells[0]).isEqualTo(String.valueOf(i + 1));
            assertThat(cells[1]).isEqualTo(matches.get(i).path("id").asText());
            double score = Double.parseDouble(cells[2].replace(',', '.'));
            assertThat(score).isCloseTo(matches.get(i).path("score").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void textFromRecordsIsShownAsTextNeverRunAsHtml() throws Exception {
        String title = "<img src=x onerror=\"document.body.dataset.hacked=1\"> Lasser & co";
        matcher.upsertVacancy(matcher.vacancy(vacancy).orElseThrow().toBuilder().id("v-markup").title(title).build());
        matcher.refresh();
        open("#/vacancies/v-markup");
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo(title);
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return document.body.dataset.hacked")).isNull();
    }

    @Test
    void theCsvQuotesAndDefusesFormulas() throws Exception {
        open("#/");
        // As JSON: WebDriver hands strings back with their line ends changed.
        Object json = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import(new URL('csv.js', document.querySelector('script[type=module]').src).href)"
                + ".then(m => done(JSON.stringify(m.toCsv([['a;b', '=SUM(A1)', 'say \"hi\"', 'two\\nlines'], [0.25, -1, '+31', '@x']], 'nl'))));");
        assertThat(JSON.readTree((String) json).asText()).isEqualTo("\"a;b\";'=SUM(A1);\"say \"\"hi\"\"\";\"two\nlines\"\r\n0,25;-1;'+31;'@x\r\n");
    }

    /**
     * A server with a keys file, its keys made by {@code werkmatch keys add}: the page asks for a key, refuses a
     * wrong one, keeps the right one in the tab only, says whose key it is and its roles, shows no audit fields
     * even to a key that may read them, and a 403 names the role the key lacks.
     */
    @Test
    void aServerWithKeysAsksForOneAndShowsWhatTheKeyMaySee(@TempDir Path tmp) throws Exception {
        Path keysFile = tmp.resolve("keys.json");
        String reader = addKey(keysFile, "wsp-almere-lezen", "read");
        String auditor = addKey(keysFile, "wsp-almere-audit", "audit");
        String withAudit = "p-with-audit";
        matcher.upsertProfile(matcher.profile(profile).orElseThrow().toBuilder().id(withAudit)
                .audit(new Audit("X", 1971, "ER")).build());
        matcher.refresh();
        try (ApiKeys keys = ApiKeys.load(keysFile).watch();
                ApiServer guarded = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        ServerOptions.defaults().withKeys(keys))) {
            String base = guarded.uri().toString();
            driver.get(base + "#/vacancies/" + vacancy);
            WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
            assertThat(driver.findElement(By.cssSelector("label[for=token-input]")).getText()).isEqualTo("API-sleutel");
            assertThat(input.getAttribute("type")).isEqualTo("password");
            wait.until(d -> d.findElement(By.id("signin-wait")).getText().contains("Meld u aan"));
            screenshot("sign-in");
            axe("sign-in form");

            input.sendKeys("wm_a-wrong-key");
            driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("signin-form")).getText().contains("geeft geen toegang"));
            assertThat(sessionToken()).isNull();

            signIn(reader);
            waitForList(apiIds("/vacancies/" + vacancy + "/candidates", "k=11&offset=0", 10));
            assertThat(sessionToken()).isEqualTo(reader);
            assertThat(((JavascriptExecutor) driver).executeScript("return JSON.stringify(localStorage)").toString())
                    .doesNotContain(reader);
            assertThat(driver.findElements(By.id("signin-form"))).isEmpty();
            wait.until(d -> d.findElement(By.id("auth-state")).getText().equals("Aangemeld als wsp-almere-lezen (lezen)"));
            screenshot("signed-in");

            // The server answers the audit fields to an audit key only; the page shows them to no key.
            assertThat(JSON.readTree(send(guarded, "/profiles/" + withAudit, auditor).body()).has("audit")).isTrue();
            assertThat(JSON.readTree(send(guarded, "/profiles/" + withAudit, reader).body()).has("audit")).isFalse();
            open(base, "#/profiles/" + withAudit);
            assertNoAuditFields();

            // A 403 in the page's error box names the role the key lacks (no view of the page needs more than
            // read today, so the page's own API client asks for the admin-only metrics).
            Object shown = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const at = (f) => new URL(f, document.querySelector('script[type=module]').src).href;"
                    + "Promise.all([import(at('api.js')), import(at('ui.js'))]).then(([api, ui]) => api.get('/metrics')"
                    + ".then(() => done('no error'), (e) => { const box = ui.errorBox(e);"
                    + " document.getElementById('main').append(box); done(e.status + ' ' + box.innerText); }));");
            assertThat(shown.toString()).startsWith("403 ").contains("Uw sleutel heeft niet de rol „beheer” die hiervoor nodig is.")
                    .contains("wsp-almere-lezen").contains("\"admin\"");

            driver.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
            assertThat(sessionToken()).isNull();

            signIn(auditor);
            wait.until(d -> d.findElement(By.id("auth-state")).getText().equals("Aangemeld als wsp-almere-audit (audit)"));
            open(base, "#/profiles/" + withAudit);
            assertNoAuditFields();

            // Revoked while signed in: the next request is a 401 and the page asks for a key again.
            assertThat(ApiKeys.revoke(keysFile, "wsp-almere-audit")).isTrue();
            wait.until(d -> {
                try {
                    return send(guarded, "/regions", auditor).statusCode() == 401;
                } catch (Exception e) {
                    return false;
                }
            });
            driver.get(base + "#/vacancies/" + vacancy);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
            assertThat(driver.findElement(By.id("signin-form")).getText()).contains("geeft geen toegang");
            assertThat(sessionToken()).isNull();
        } finally {
            matcher.deleteProfile(withAudit);
            matcher.refresh();
        }
    }

    // ---- the inclusion audit view (#/audit)

    @Test
    void theAuditViewShowsWhatTheApiAudits() throws Exception {
        open("#/audit");
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("Inclusie-audit");
        assertThat(driver.findElements(By.id("audit-stats"))).isEmpty(); // opening the page does not run it
        axe("audit settings");
        driver.findElement(By.cssSelector("#audit-form input[name=k]")).clear();
        driver.findElement(By.cssSelector("#audit-form input[name=k]")).sendKeys("15");
        driver.findElement(By.id("audit-run")).click();
        wait.until(d -> !d.findElements(By.id("audit-stats")).isEmpty());
        assertThat(driver.getCurrentUrl()).contains("k=15").contains("run=");
        JsonNode report = api("/audit?k=15&eligibleCounts=false");
        assertAuditShown(report);
        screenshot("audit");
        axe("audit report");

        // Another language redraws the same report; it does not run the audit again (that can take minutes).
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.auditRuns = 0; const realFetch = window.fetch;"
                + "window.fetch = (u, o) => { if (String(u).startsWith('/audit')) window.auditRuns++; return realFetch(u, o); };");
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("en");
        wait.until(d -> d.findElement(By.id("page-title")).getText().equals("Inclusion audit")
                && !d.findElements(By.id("audit-stats")).isEmpty());
        assertThat(driver.findElement(By.id("audit-summary-title")).getText()).isEqualTo("Summary");
        assertAuditShown(report, java.util.Locale.UK);
        assertThat(((Number) js.executeScript("return window.auditRuns")).intValue()).isZero();
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("nl");
        wait.until(d -> d.findElement(By.id("page-title")).getText().equals("Inclusie-audit"));

        // The ids link to their views.
        String never = report.path("neverRecommended").get(0).path("id").asText();
        driver.findElement(By.cssSelector("#audit-never a[href='#/profiles/" + never + "']")).click();
        wait.until(d -> d.findElement(By.id("page-title")).getText().contains(never) || d.getCurrentUrl().endsWith("#/profiles/" + never));
        assertThat(driver.getCurrentUrl()).endsWith("#/profiles/" + never);
    }

    @Test
    void theAuditViewSaysWhenAnotherAuditIsRunning() throws Exception {
        // A second audit while one runs is answered 409; the page says so and offers to try again.
        open("#/audit");
        Object shown = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const realFetch = window.fetch; window.fetch = (u, o) => String(u).startsWith('/audit')"
                + " ? Promise.resolve(new Response(JSON.stringify({status: 409, title: 'Conflict', detail: 'an audit is already running'}),"
                + " {status: 409, headers: {'Content-Type': 'application/problem+json'}})) : realFetch(u, o);"
                + "location.hash = '#/audit?k=20&run=1';"
                + "const poll = () => { const c = document.getElementById('audit-conflict'); c ? done(c.innerText) : setTimeout(poll, 50); }; poll();");
        assertThat(shown.toString()).contains("Er loopt al een audit op de server").contains("Opnieuw proberen");
    }

    @Test
    void theAuditViewRefusesAReadKeyNamingTheRoleAndWorksForAnAuditKey(@TempDir Path tmp) throws Exception {
        Path keysFile = tmp.resolve("keys.json");
        String reader = addKey(keysFile, "wsp-almere-lezen", "read");
        String auditor = addKey(keysFile, "wsp-almere-audit", "audit");
        try (ApiKeys keys = ApiKeys.load(keysFile).watch();
                ApiServer guarded = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        ServerOptions.defaults().withKeys(keys))) {
            String base = guarded.uri().toString();
            driver.get(base + "#/audit?k=15&run=1");
            signIn(reader);
            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-no-role")));
            assertThat(refusal.getText()).contains("Geen toegang").contains("de rol „audit” die de inclusie-audit nodig heeft");
            assertThat(driver.findElements(By.id("audit-form"))).isEmpty();
            assertThat(send(guarded, "/audit?k=15&eligibleCounts=false", reader).statusCode()).isEqualTo(403);
            screenshot("audit-read-key");
            axe("audit refused to a read key");

            driver.findElement(By.id("sign-out")).click();
            signIn(auditor);
            wait.until(d -> d.findElement(By.id("auth-state")).getText().equals("Aangemeld als wsp-almere-audit (audit)"));
            // Signed in, the page goes on with the deep link it was opened with: it runs the audit.
            wait.until(d -> !d.findElements(By.id("audit-stats")).isEmpty());
            var answer = send(guarded, "/audit?k=15&eligibleCounts=false", auditor);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertAuditShown(JSON.readTree(answer.body()));
        }
    }

    @Test
    void theFairnessFilterMarksTheCandidatesTheApiMovedUp() throws Exception {
        String fair = "fairAttribute=gender&fairValue=F&fairShare=0.7";
        JsonNode page = api("/vacancies/" + vacancy + "/candidates?k=11&offset=0&explain=true&lang=nl&" + fair);
        List<String> expected = new ArrayList<>();
        List<String> movedUp = new ArrayList<>();
        for (int i = 0; i < Math.min(10, page.path("matches").size()); i++) {
            JsonNode m = page.path("matches").get(i);
            expected.add(m.path("id").asText());
            if (m.path("movedUpByFairness").asBoolean()) {
                movedUp.add(m.path("id").asText());
            }
        }
        assertThat(movedUp).as("the constraint moves someone up on this vacancy").isNotEmpty();
        assertThat(expected).as("the fair list differs from the plain one")
                .isNotEqualTo(apiIds("/vacancies/" + vacancy + "/candidates", "k=11&offset=0", 10));

        // Set through the form, as a consultant would.
        open("#/vacancies/" + vacancy);
        new Select(driver.findElement(By.cssSelector("#filters select[name=fairAttribute]"))).selectByValue("gender");
        driver.findElement(By.cssSelector("#filters input[name=fairValue]")).sendKeys("F");
        driver.findElement(By.cssSelector("#filters input[name=fairShare]")).sendKeys("0.7");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitForList(expected);
        assertThat(driver.getCurrentUrl()).contains("fairAttribute=gender").contains("fairValue=F").contains("fairShare=0.7");
        assertThat(ids(driver.findElements(By.cssSelector("li.match[data-moved-up=true]")))).isEqualTo(movedUp);
        assertThat(driver.findElement(By.cssSelector("li.match[data-moved-up=true]")).getText())
                .contains("omhoog gezet voor eerlijke rangorde");
        ((JavascriptExecutor) driver).executeScript("document.querySelector('li.match[data-moved-up=true]').scrollIntoView({block: 'center'})");
        screenshot("vacancy-fairness");
        axe("vacancy view with the fairness option");
    }

    // ---- the matching day view (#/allocations)

    @Test
    void theAllocationViewShowsTheShortlistsTheApiAllocates() throws Exception {
        String region = api("/vacancies/" + vacancy + "/summary").path("place").path("region").asText();
        assertThat(region).isNotBlank();
        var answer = http.send(HttpRequest.newBuilder(server.uri().resolve("/allocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("regions", List.of(region), "perPosition", 2))))
                .build(), BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(answer.body());
        assertThat(a.path("shortlists").size()).as("vacancies in " + region).isPositive();

        open("#/allocations");
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("Matchingsdag plannen");
        axe("allocation settings");
        new Select(driver.findElement(By.cssSelector("#alloc-form select[name=region]"))).selectByValue(region);
        driver.findElement(By.cssSelector("#alloc-form input[name=perPosition]")).sendKeys("2");
        driver.findElement(By.id("alloc-run")).click();
        wait.until(d -> !d.findElements(By.id("alloc-metrics")).isEmpty());

        List<String> lists = new ArrayList<>();
        a.path("shortlists").forEach(l -> lists.add(l.path("vacancy").asText()));
        assertThat(ids(driver.findElements(By.cssSelector("#alloc-shortlists > tbody > tr")))).isEqualTo(lists);
        for (JsonNode l : a.path("shortlists")) {
            List<String> invited = new ArrayList<>();
            l.path("candidates").forEach(c -> invited.add(c.path("id").asText()));
            WebElement row = driver.findElement(By.cssSelector("#alloc-shortlists > tbody > tr[data-id='" + l.path("vacancy").asText() + "']"));
            assertThat(ids(row.findElements(By.cssSelector("ol.invited > li")))).as(l.path("vacancy").asText()).isEqualTo(invited);
        }
        List<String> unfilled = new ArrayList<>();
        a.path("unfilled").forEach(u -> unfilled.add(u.path("vacancy").asText()));
        assertThat(ids(driver.findElements(By.cssSelector("#alloc-unfilled tbody tr")))).isEqualTo(unfilled);
        List<String> uninvited = new ArrayList<>();
        a.path("uninvited").forEach(u -> uninvited.add(u.asText()));
        assertThat(ids(driver.findElements(By.cssSelector("#alloc-uninvited li")))).isEqualTo(uninvited);
        WebElement invitations = driver.findElement(By.cssSelector("#alloc-metrics tr[data-metric=invitations]"));
        assertThat(invitations.findElements(By.tagName("td")).get(0).getText()).isEqualTo(a.path("metrics").path("invitations").asText());
        assertThat(invitations.findElements(By.tagName("td")).get(1).getText()).isEqualTo(a.path("plain").path("invitations").asText());
        assertThat(driver.findElement(By.id("alloc-solver")).getText())
                .startsWith(a.path("solver").path("proven").asBoolean() ? "Bewezen optimaal" : "Niet bewezen optimaal");
        screenshot("allocations");
        axe("allocation result");

        // The CSV: one row per invitation, in the API's order, quoted and defused as the list CSV is.
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.csvText = null; const make = URL.createObjectURL;"
                + "URL.createObjectURL = (blob) => { blob.text().then(t => { window.csvText = t; }); return make(blob); };");
        driver.findElement(By.id("alloc-csv")).click();
        wait.until(d -> js.executeScript("return window.csvText") != null);
        String[] lines = ((String) js.executeScript("return window.csvText")).replace("\uFEFF", "").split("\r?\n");
        assertThat(lines[0]).isEqualTo("vacancy;positions;places;candidate;score;plainRank");
        int line = 1;
        for (JsonNode l : a.path("shortlists")) {
            for (JsonNode c : l.path("candidates")) {
                String[] cells = lines[line++].split(";");
                assertThat(List.of(cells[0], cells[1], cells[2], cells[3], cells[5])).isEqualTo(List.of(l.path("vacancy").asText(),
                        l.path("positions").asText(), l.path("places").asText(), c.path("id").asText(), c.path("rank").asText()));
                assertThat(Double.parseDouble(cells[4].replace(',', '.'))).isEqualTo(c.path("score").asDouble());
            }
        }
        assertThat(lines).hasSize(line);
    }

    @Test
    void theAllocationViewNamesTheFieldOfABadRequestAndBothViewsSpeakEnglish() throws Exception {
        // No scope at all: the server's 400 lists the field, and the page shows that list.
        var answer = http.send(HttpRequest.newBuilder(server.uri().resolve("/allocations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"perPosition\": 0}")).build(), BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        JSON.readTree(answer.body()).path("errors").forEach(e -> problems.add(e.path("path").asText() + ": " + e.path("message").asText()));
        assertThat(problems).isNotEmpty();
        open("#/allocations?perPosition=0&run=1");
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alloc-result [role=alert]")));
        List<String> shown = new ArrayList<>();
        alert.findElements(By.cssSelector("ul > li")).forEach(li -> shown.add(li.getText()));
        assertThat(shown).isEqualTo(problems);

        new Select(driver.findElement(By.id("lang-select"))).selectByValue("en");
        wait.until(d -> d.findElement(By.id("page-title")).getText().equals("Plan a matching day"));
        assertThat(driver.findElement(By.cssSelector(".mainnav")).getText()).contains("Inclusion audit").contains("Matching day");
        open("#/audit");
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("Inclusion audit");
        assertThat(driver.findElement(By.id("audit-run")).getText()).isEqualTo("Run the audit");
    }

    private void assertAuditShown(JsonNode report) {
        assertAuditShown(report, java.util.Locale.forLanguageTag("nl-NL"));
    }

    private void assertAuditShown(JsonNode report, java.util.Locale locale) {
        WebElement stats = driver.findElement(By.id("audit-stats"));
        assertThat(stat(stats, "vacancies")).isEqualTo(report.path("vacancies").asInt());
        assertThat(stat(stats, "profiles")).isEqualTo(report.path("profiles").asInt());
        assertThat(stat(stats, "recommended")).isEqualTo(report.path("recommended").asInt());
        // everyone on no list, though the JSON lists at most its limit of them
        assertThat(stat(stats, "never")).isEqualTo(report.path("neverRecommendedCount").asInt());
        assertThat(report.path("neverRecommendedCount").asInt()).isGreaterThanOrEqualTo(report.path("neverRecommended").size());
        assertThat(stat(stats, "slots")).isEqualTo(report.path("slots").asInt());
        assertThat(report.path("neverRecommended").size()).as("a world with people on no list").isPositive();

        List<String> never = new ArrayList<>();
        report.path("neverRecommended").forEach(n -> never.add(n.path("id").asText()));
        assertThat(ids(driver.findElements(By.cssSelector("#audit-never tbody tr"))))
                .isEqualTo(never.subList(0, Math.min(200, never.size())));
        List<String> unfilled = new ArrayList<>();
        report.path("unfilledVacancies").forEach(n -> unfilled.add(n.path("id").asText()));
        assertThat(ids(driver.findElements(By.cssSelector("#audit-unfilled tbody tr")))).isEqualTo(unfilled);

        // Each group table holds the API's rows, with the four-fifths flag where the API sets it.
        report.path("groups").fields().forEachRemaining(group -> {
            List<String> values = new ArrayList<>();
            List<String> flagged = new ArrayList<>();
            group.getValue().forEach(row -> {
                values.add(row.path("value").asText());
                if (row.path("belowFourFifths").asBoolean()) {
                    flagged.add(row.path("value").asText());
                }
            });
            String table = "#groups-" + group.getKey() + " tbody tr";
            List<String> shown = new ArrayList<>();
            driver.findElements(By.cssSelector(table)).forEach(tr -> shown.add(tr.getAttribute("data-value")));
            assertThat(shown).as(group.getKey()).isEqualTo(values);
            List<String> shownFlagged = new ArrayList<>();
            driver.findElements(By.cssSelector(table + ".flagged")).forEach(tr -> shownFlagged.add(tr.getAttribute("data-value")));
            assertThat(shownFlagged).as(group.getKey() + " below four fifths").isEqualTo(flagged);
            assertThat(driver.findElements(By.cssSelector("#chart-rate-" + group.getKey() + " rect.chart-bar"))).hasSize(values.size());
        });
        assertThat(report.path("groups").size()).as("the generated world has audit fields").isPositive();
        // The Lorenz curve and the bar charts are drawn.
        assertThat(driver.findElements(By.cssSelector("#chart-lorenz path.chart-curve"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#chart-reason rect.chart-bar")))
                .hasSize(report.path("neverRecommendedByReason").size());
        assertThat(driver.findElements(By.cssSelector("#chart-region rect.chart-bar")))
                .hasSize(report.path("neverRecommendedByRegion").size());
        assertThat(driver.findElement(By.cssSelector("[data-stat=gini] .stat-value")).getText())
                .isEqualTo(String.format(locale, "%.3f", report.path("congestion").path("gini").asDouble()));
    }

    private static int stat(WebElement stats, String name) {
        return Integer.parseInt(stats.findElement(By.cssSelector("[data-stat=" + name + "] .stat-value")).getText().replaceAll("[.,]", ""));
    }

    /** A key made as a person would: {@code werkmatch keys add}, whose last line is the token. */
    private static String addKey(Path keysFile, String name, String role) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new WerkmatchCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = cli.execute("keys", "add", "--keys", keysFile.toString(), "--name", name, "--role", role);
        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        String token = lines.get(lines.size() - 1);
        assertThat(token).startsWith("wm_");
        return token;
    }

    private void signIn(String key) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        input.clear();
        input.sendKeys(key);
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
    }

    private void assertNoAuditFields() {
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContain("1971").doesNotContain("Eritrea").doesNotContainIgnoringCase("geslacht")
                .doesNotContainIgnoringCase("geboortejaar").doesNotContainIgnoringCase("herkomst");
        assertThat(driver.getPageSource()).doesNotContain("1971");
        assertThat(driver.findElements(By.cssSelector("li.match"))).isNotEmpty();
    }

    private java.net.http.HttpResponse<String> send(ApiServer to, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(to.uri().resolve(path)).header("Authorization", "Bearer " + key).build(),
                BodyHandlers.ofString());
    }

    private String sessionToken() {
        return (String) ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('werkmatch.token')");
    }
}
