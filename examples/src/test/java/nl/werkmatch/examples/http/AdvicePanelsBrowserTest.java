package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The advice panels in a real Chromium: on a vacancy ("what would bring more candidates") and on a profile ("what
 * would open more doors") the page shows exactly the API's reachable count and, in order, its suggestions with
 * their counts and example ids; a new minScore and "show more" ask again and again equal the API; in English the
 * sentences are the API's summaries, in Dutch the page's own for the same change; the panel's failure stays in
 * the panel; axe-core is clean with the panels open; and an audit that carries advice shows its first suggestion.
 */
class AdvicePanelsBrowserTest extends BrowserTestBase {
    private static final int FIRST_LIMIT = 5;

    private String advisedVacancy;
    private String advisedProfile;

    @BeforeAll
    void pickRecordsWithAdvice() throws Exception {
        // Records whose advice has more suggestions than the panel shows at first, so that "show more" shows more.
        advisedVacancy = firstAdvised("/vacancies/%s/advice", "v-", 400,
                a -> a.path("reachable").asInt() > 0 && a.path("suggestions").size() > FIRST_LIMIT);
        advisedProfile = firstAdvised("/profiles/%s/advice", "p-", 3000,
                a -> a.path("reachable").asInt() > 0 && a.path("suggestions").size() > FIRST_LIMIT
                        && hasExamples(a));
    }

    @Test
    void theVacancyPanelShowsExactlyTheApiAdviceAndLinksItsCandidates() throws Exception {
        open("#/vacancies/" + advisedVacancy);
        JsonNode advice = api("/vacancies/" + advisedVacancy + "/advice?minScore=0.5&limit=" + FIRST_LIMIT + "&lang=nl");
        assertPanelShows(advice);
        assertThat(driver.findElement(By.id("advice-title")).getText()).isEqualTo("Wat meer kandidaten oplevert");
        assertThat(driver.findElement(By.id("advice-status")).getText())
                .isEqualTo("Nu bereikbaar: " + advice.path("reachable").asInt() + " kandidaten met een score van minstens 0,50.");
        assertDutchSentences(advice, matcher.vacancy(advisedVacancy).orElseThrow(), null);
        // The ranked list is there as before, whatever the panel does.
        assertThat(shownIds()).isEqualTo(apiIds("/vacancies/" + advisedVacancy + "/candidates", "k=11&offset=0", 10));

        driver.findElement(By.id("to-advice")).click();
        wait.until(d -> "advice-title".equals(d.switchTo().activeElement().getAttribute("id")));
        screenshot("vacancy-advice");
        axe("vacancy view with the advice panel");

        WebElement example = driver.findElement(By.cssSelector("#advice-list li.suggestion .suggestion-examples a"));
        String id = example.getAttribute("data-id");
        assertThat(example.getAttribute("href")).endsWith("#/profiles/" + id);
        example.click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/profiles/" + id));
        waitForIdle();
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("Werkzoekende " + id);
    }

    @Test
    void showMoreAndANewMinScoreAskAgainAndEqualTheApi() throws Exception {
        open("#/vacancies/" + advisedVacancy);
        driver.findElement(By.id("advice-more")).click();
        wait.until(d -> d.getCurrentUrl().contains("adviceLimit=15"));
        waitForIdle();
        JsonNode more = api("/vacancies/" + advisedVacancy + "/advice?minScore=0.5&limit=15&lang=nl");
        assertPanelShows(more);
        // Focus goes to the first suggestion that was not shown before.
        assertThat(driver.switchTo().activeElement().getText())
                .isEqualTo(driver.findElements(By.cssSelector("li.suggestion .suggestion-text")).get(FIRST_LIMIT).getText());
        assertThat(driver.findElements(By.id("advice-more"))).hasSize(more.path("suggestions").size() >= 15 ? 1 : 0);

        // The settings are in the address: opening it again shows the same advice.
        String url = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(url);
        waitForIdle();
        assertPanelShows(more);

        setMinScore("0.6");
        wait.until(d -> d.getCurrentUrl().contains("adviceMinScore=0.6") && !d.getCurrentUrl().contains("adviceLimit"));
        waitForIdle();
        JsonNode stricter = api("/vacancies/" + advisedVacancy + "/advice?minScore=0.6&limit=" + FIRST_LIMIT + "&lang=nl");
        assertPanelShows(stricter);
        assertThat(driver.findElement(By.id("advice-status")).getText()).contains("minstens 0,60");

        // Turning the list's page keeps the panel's settings.
        driver.findElement(By.id("page-next")).click();
        wait.until(d -> d.getCurrentUrl().contains("page=2") && d.getCurrentUrl().contains("adviceMinScore=0.6"));
        waitForIdle();
        assertThat(shownIds()).isEqualTo(apiIds("/vacancies/" + advisedVacancy + "/candidates", "k=11&offset=10", 10));
        assertPanelShows(stricter);

        setMinScore("1.5"); // out of range: the browser says so at the field, nothing is asked
        assertThat(((JavascriptExecutor) driver).executeScript("return arguments[0].validity.rangeOverflow",
                driver.findElement(By.name("adviceMinScore")))).isEqualTo(true);
        assertThat(driver.getCurrentUrl()).contains("adviceMinScore=0.6");
        assertPanelShows(stricter);
    }

    @Test
    void inEnglishTheSentencesAreTheApiSummaries() throws Exception {
        open("#/vacancies/" + advisedVacancy);
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("en");
        wait.until(d -> d.findElement(By.id("advice-title")).getText().equals("What would bring more candidates"));
        waitForIdle();
        JsonNode english = api("/vacancies/" + advisedVacancy + "/advice?minScore=0.5&limit=" + FIRST_LIMIT + "&lang=en");
        assertPanelShows(english);
        assertThat(sentences()).isEqualTo(summaries(english));
        assertThat(driver.findElement(By.id("advice-status")).getText())
                .isEqualTo("Reachable now: " + english.path("reachable").asInt() + " candidates with a score of at least 0.50.");

        open("#/profiles/" + advisedProfile);
        JsonNode profileAdvice = api("/profiles/" + advisedProfile + "/advice?minScore=0.5&limit=" + FIRST_LIMIT + "&lang=en");
        assertPanelShows(profileAdvice);
        assertThat(sentences()).isEqualTo(summaries(profileAdvice));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('advice').scrollIntoView()");
        screenshot("profile-advice-english");
        axe("profile view with the advice panel in English");
    }

    @Test
    void theProfilePanelShowsExactlyTheApiAdviceAndNamesItsVacancies() throws Exception {
        open("#/profiles/" + advisedProfile);
        JsonNode advice = api("/profiles/" + advisedProfile + "/advice?minScore=0.5&limit=" + FIRST_LIMIT + "&lang=nl");
        assertPanelShows(advice);
        assertThat(driver.findElement(By.id("advice-title")).getText()).isEqualTo("Wat meer deuren opent");
        assertThat(driver.findElement(By.id("advice-status")).getText())
                .isEqualTo("Nu bereikbaar: " + advice.path("reachable").asInt() + " open vacatures met een score van minstens 0,50.");
        assertDutchSentences(advice, null, matcher.profile(advisedProfile).orElseThrow());
        assertThat(driver.findElements(By.id("career-step"))).isEmpty(); // no career step asked, none shown

        List<WebElement> links = driver.findElements(By.cssSelector("#advice-list .suggestion-examples a"));
        assertThat(links).isNotEmpty();
        for (WebElement item : driver.findElements(By.cssSelector("#advice-list li.suggestion"))) {
            List<WebElement> own = item.findElements(By.cssSelector(".suggestion-examples a"));
            List<String> names = new ArrayList<>();
            own.forEach(link -> {
                Vacancy v = matcher.vacancy(link.getAttribute("data-id")).orElseThrow();
                names.add(v.title() + " (" + v.employer() + ")");
            });
            for (int i = 0; i < own.size(); i++) {
                WebElement link = own.get(i);
                String id = link.getAttribute("data-id");
                // Two vacancies of one suggestion with the same title and employer are told apart by their ids.
                boolean alike = java.util.Collections.frequency(names, names.get(i)) > 1;
                assertThat(link.getText()).isEqualTo(alike ? names.get(i) + " – " + id : names.get(i));
                assertThat(link.getAttribute("href")).endsWith("#/vacancies/" + id);
            }
        }
        ((JavascriptExecutor) driver).executeScript("document.getElementById('advice').scrollIntoView()");
        screenshot("profile-advice");
        axe("profile view with the advice panel");

        String id = links.get(0).getAttribute("data-id");
        links.get(0).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/vacancies/" + id));
        waitForIdle();
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo(matcher.vacancy(id).orElseThrow().title());
    }

    @Test
    void aCareerStepIsShownWhenTheAnswerHasOneAndTheAdviceStaysWhenTheServerHasNone() throws Exception {
        String wanting = firstProfileWantingAnOccupation();
        Profile p = matcher.profile(wanting).orElseThrow();
        String occupation = p.wantedOccupations().get(0);
        open("#/profiles/" + wanting);
        new Select(driver.findElement(By.name("adviceOccupation"))).selectByValue(occupation);
        driver.findElement(By.id("advice-apply")).click();
        waitForIdle();
        JsonNode plain = api("/profiles/" + wanting + "/advice?minScore=0.5&limit=" + FIRST_LIMIT + "&lang=nl");
        var probe = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/profiles/" + wanting
                + "/advice?occupation=" + occupation)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() == 400) {
            // This server has no career step: the page says so and shows the advice without it.
            assertThat(driver.findElement(By.id("career-unavailable")).getText()).contains("loopbaanstap");
            assertPanelShows(plain);
        }

        // An answer with a career step, as the API describes it, is drawn with its skills and example vacancies.
        String example = p.id().equals("p-0") ? "v-1" : "v-0";
        String step = "{\"occupation\":\"" + occupation + "\",\"label\":\"het gewenste beroep\",\"skills\":[{\"id\":\"s-a\","
                + "\"label\":\"eerste vaardigheid\"},{\"id\":\"s-b\",\"label\":\"tweede vaardigheid\"}],\"reachable\":2,"
                + "\"examples\":[\"" + example + "\"]}";
        ((JavascriptExecutor) driver).executeScript("const realFetch = window.fetch; window.fetch = async (u, o) => {"
                + " const r = await realFetch(String(u).replace(/&?occupation=[^&]*/, ''), o);"
                + " if (!String(u).includes('/advice')) return r;"
                + " const body = await r.json(); body.careerStep = " + step + ";"
                + " return new Response(JSON.stringify(body), {status: 200, headers: {'Content-Type': 'application/json'}}); };");
        driver.findElement(By.id("advice-apply")).click();
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("career-step")));
        waitForIdle();
        assertThat(shown.getText()).contains("Loopbaanstap naar het gewenste beroep").contains("eerste vaardigheid")
                .contains("tweede vaardigheid").contains("Dat opent 2 vacatures in dit beroep.")
                .contains(matcher.vacancy(example).orElseThrow().title());
        assertPanelShows(plain);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('advice').scrollIntoView()");
        screenshot("profile-career-step");
        axe("profile view with a career step");
    }

    @Test
    void aFailingAdviceStaysInThePanelAndTheListStillWorks() throws Exception {
        open("#/vacancies/" + advisedVacancy);
        ((JavascriptExecutor) driver).executeScript("const realFetch = window.fetch; window.fetch = (u, o) => String(u).includes('/advice')"
                + " ? Promise.resolve(new Response(JSON.stringify({status: 503, title: 'Service Unavailable', detail: 'the server is busy'}),"
                + " {status: 503, headers: {'Content-Type': 'application/problem+json'}})) : realFetch(u, o);");
        setMinScore("0.4");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("advice-error")));
        assertThat(error.getText()).contains("Er ging iets mis").contains("the server is busy");
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo(matcher.vacancy(advisedVacancy).orElseThrow().title());
        assertThat(shownIds()).isEqualTo(apiIds("/vacancies/" + advisedVacancy + "/candidates", "k=11&offset=0", 10));
    }

    @Test
    void theMinScoreCanBeChangedFromTheKeyboard() throws Exception {
        open("#/vacancies/" + advisedVacancy);
        WebElement min = driver.findElement(By.name("adviceMinScore"));
        assertThat(driver.findElement(By.cssSelector("label[for='" + min.getAttribute("id") + "']")).getText())
                .isEqualTo("Minimale score (0–1)");
        min.clear();
        min.sendKeys("0.7", Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("adviceMinScore=0.7"));
        waitForIdle();
        assertPanelShows(api("/vacancies/" + advisedVacancy + "/advice?minScore=0.7&limit=" + FIRST_LIMIT + "&lang=nl"));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("advice-status");
    }

    @Test
    void anAuditWithAdviceShowsEachEntrysFirstSuggestion() throws Exception {
        // The audit may carry advice on its entries; the page shows the first suggestion beside each entry that has one.
        open("#/audit");
        JsonNode report = api("/audit?k=20");
        JsonNode never = report.path("neverRecommended");
        JsonNode unfilled = report.path("unfilledVacancies");
        assertThat(never.size()).as("never-recommended people in the generated world").isPositive();
        // The first never-recommended person (of those the page lists) whose advice in the audit itself opens a vacancy.
        String neverId = null;
        JsonNode profileAdvice = null;
        for (int i = 0; i < Math.min(never.size(), 200) && neverId == null; i++) {
            JsonNode a = never.get(i).path("advice");
            if (!a.path("suggestions").isEmpty()) {
                neverId = never.get(i).path("id").asText();
                profileAdvice = a;
            }
        }
        assertThat(neverId).as("a never-recommended person with advice").isNotNull();
        // Every vacancy of this world has candidates; an unfilled one is added to the answer when there is none.
        String unfilledId = unfilled.isEmpty() ? advisedVacancy : unfilled.get(0).path("id").asText();
        JsonNode vacancyAdvice = !unfilled.isEmpty() && unfilled.get(0).has("advice") ? unfilled.get(0).path("advice")
                : api("/vacancies/" + unfilledId + "/advice?limit=3&lang=nl");
        ((JavascriptExecutor) driver).executeScript("const realFetch = window.fetch; window.fetch = async (u, o) => {"
                + " const r = await realFetch(u, o); if (!String(u).startsWith('/audit')) return r;"
                + " const body = await r.json();"
                + " const person = body.neverRecommended.find((x) => x.id === arguments[3]);"
                + " body.neverRecommended.forEach((x) => { if (x !== person) delete x.advice; });"
                + " if (!body.unfilledVacancies.length) body.unfilledVacancies.push({id: arguments[2], title: 'een vacature', region: 'Utrecht'});"
                + " if (!body.unfilledVacancies[0].advice) body.unfilledVacancies[0].advice = arguments[1];"
                + " return new Response(JSON.stringify(body), {status: 200, headers: {'Content-Type': 'application/json'}}); };"
                + " location.hash = '#/audit?k=20&run=1';",
                JSON.convertValue(profileAdvice, java.util.Map.class), JSON.convertValue(vacancyAdvice, java.util.Map.class), unfilledId, neverId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-never tbody tr")));
        waitForIdle();
        assertFirstSuggestion("#audit-never", neverId, profileAdvice, "vacatures");
        assertFirstSuggestion("#audit-unfilled", unfilledId, vacancyAdvice, "kandidaten");
        String unfilledCell = driver.findElement(By.cssSelector("#audit-unfilled td.audit-advice")).getText();
        // An entry without advice (here: every other listed person, their advice taken out) says so with a dash.
        for (WebElement row : driver.findElements(By.cssSelector("#audit-never tbody tr"))) {
            if (!neverId.equals(row.getAttribute("data-id"))) {
                assertThat(row.findElement(By.cssSelector("td.audit-advice")).getText()).isEqualTo("–");
                break;
            }
        }
        ((JavascriptExecutor) driver).executeScript("document.getElementById('audit-never').scrollIntoView()");
        screenshot("audit-advice");
        axe("audit report with advice");

        // In English the same report (redrawn, not run again) shows the API's summaries.
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("en");
        wait.until(d -> !d.findElement(By.cssSelector("#audit-unfilled td.audit-advice")).getText().equals(unfilledCell));
        waitForIdle();
        assertFirstSuggestion("#audit-never", neverId, profileAdvice, "vacancies");
        assertFirstSuggestion("#audit-unfilled", unfilledId, vacancyAdvice, "candidates");
    }

    // ---- helpers

    private void assertFirstSuggestion(String table, String id, JsonNode advice, String unit) {
        WebElement row = driver.findElement(By.cssSelector(table + " tbody tr[data-id='" + id + "']"));
        WebElement cell = row.findElement(By.cssSelector("td.audit-advice"));
        JsonNode first = advice.path("suggestions").get(0);
        int n = first.path("unlocks").asInt();
        boolean english = "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang"));
        String count = english ? n + " more " + (n == 1 ? unit.equals("candidates") ? "candidate" : "vacancy" : unit)
                : n + " " + (n == 1 ? unit.equals("kandidaten") ? "kandidaat" : "vacature" : unit) + " meer";
        String text = cell.getText();
        assertThat(cell.getAttribute("data-kind")).isEqualTo(first.path("kind").asText());
        assertThat(text).endsWith(": " + count);
        String sentence = text.substring(0, text.length() - count.length() - 2);
        if (english) {
            assertThat(sentence).isEqualTo(first.path("summary").asText());
            return;
        }
        // In Dutch from the patch alone (no record beside it): the target of the change, without "now".
        JsonNode op = first.path("patch").get(0);
        switch (first.path("kind").asText()) {
            case "travel-distance" -> assertThat(sentence).isEqualTo("Tot " + op.path("value").asInt() + " km reizen");
            case "sponsor-permit" -> assertThat(sentence)
                    .isEqualTo("Een tewerkstellingsvergunning (TWV) aanvragen voor kandidaten die er een nodig hebben");
            case "language-support" -> assertThat(sentence).isEqualTo("Taalbegeleiding op de werkvloer bieden");
            case "accept-english" -> assertThat(sentence).isEqualTo("Engels op " + op.path("value").asText()
                    + " accepteren in plaats van het gevraagde Nederlands");
            case "learn-skill" -> {
                var t = matcher.taxonomy();
                String skill = op.path("value").has("id") ? op.path("value").path("id").asText()
                        : op.path("value").get(op.path("value").size() - 1).path("id").asText();
                assertThat(sentence).isEqualTo("„" + t.label(t.indexOf(skill), "nl") + "” leren (met een certificaat)");
            }
            default -> assertThat(sentence).isNotBlank();
        }
    }

    /** The panel shows this answer: its reachable count, and per suggestion in order its kind, counts and examples. */
    private void assertPanelShows(JsonNode advice) {
        WebElement status = driver.findElement(By.id("advice-status"));
        assertThat(status.getAttribute("data-reachable")).isEqualTo(advice.path("reachable").asText());
        assertThat(status.getText()).contains(" " + advice.path("reachable").asInt() + " ");
        List<WebElement> items = driver.findElements(By.cssSelector("#advice-list li.suggestion"));
        JsonNode suggestions = advice.path("suggestions");
        assertThat(items).hasSize(suggestions.size());
        for (int i = 0; i < suggestions.size(); i++) {
            JsonNode s = suggestions.get(i);
            WebElement item = items.get(i);
            assertThat(item.getAttribute("data-kind")).as("kind of suggestion %d", i).isEqualTo(s.path("kind").asText());
            assertThat(item.getAttribute("data-unlocks")).isEqualTo(s.path("unlocks").asText());
            assertThat(item.getAttribute("data-loses")).isEqualTo(s.path("loses").asText());
            assertThat(item.getAttribute("data-reachable")).isEqualTo(s.path("reachable").asText());
            assertThat(item.findElement(By.cssSelector(".suggestion-unlocks")).getText())
                    .startsWith(s.path("unlocks").asInt() + " ");
            assertThat(item.findElements(By.cssSelector(".suggestion-loses"))).hasSize(s.path("loses").asInt() > 0 ? 1 : 0);
            if (s.path("loses").asInt() > 0) {
                assertThat(item.findElement(By.cssSelector(".suggestion-loses")).getText()).startsWith(s.path("loses").asInt() + " ");
            }
            assertThat(item.findElement(By.cssSelector(".suggestion-reachable")).getText()).contains(s.path("reachable").asText());
            List<String> examples = new ArrayList<>();
            s.path("examples").forEach(x -> examples.add(x.asText()));
            assertThat(ids(item.findElements(By.cssSelector(".suggestion-examples a")))).isEqualTo(examples);
        }
    }

    /**
     * The Dutch sentences say the change the patch makes, worked out here from the stored record: the kinds this
     * world gives are checked word for word, and none is left in English.
     */
    private void assertDutchSentences(JsonNode advice, Vacancy v, Profile p) {
        List<String> shown = sentences();
        JsonNode suggestions = advice.path("suggestions");
        for (int i = 0; i < suggestions.size(); i++) {
            JsonNode s = suggestions.get(i);
            String text = shown.get(i);
            JsonNode patch = s.path("patch").get(0);
            String kind = s.path("kind").asText();
            assertThat(text).as("Dutch for %s", kind).isNotEqualTo(s.path("summary").asText());
            switch (kind) {
                case "lower-dutch" -> {
                    String skill = patch.path("path").asText().replace("/dutch/", "");
                    String to = patch.path("value").asText();
                    String from = v.dutch().get(nl.werkmatch.matcher.model.LanguageSkill.valueOf(skill.toUpperCase(Locale.ROOT))).name();
                    assertThat(text).isEqualTo((to.equals("NONE") ? "Geen niveau" : to) + " vragen in plaats van " + from
                            + " voor Nederlands " + dutchWord(skill));
                }
                case "language-support" -> assertThat(text).isEqualTo("Taalbegeleiding op de werkvloer bieden");
                case "accept-english" -> assertThat(text).isEqualTo("Engels op " + patch.path("value").asText()
                        + " accepteren in plaats van het gevraagde Nederlands");
                case "sponsor-permit" -> assertThat(text)
                        .isEqualTo("Een tewerkstellingsvergunning (TWV) aanvragen voor kandidaten die er een nodig hebben");
                case "hours" -> {
                    var h = v != null ? v.hours() : p.hours();
                    int min = h.min();
                    int max = h.max();
                    for (JsonNode op : s.path("patch")) {
                        switch (op.path("path").asText()) {
                            case "/hours" -> {
                                min = op.path("value").path("min").asInt();
                                max = op.path("value").path("max").asInt();
                            }
                            case "/hours/min" -> min = op.path("value").asInt();
                            case "/hours/max" -> max = op.path("value").asInt();
                            default -> throw new AssertionError("an hours patch changes " + op);
                        }
                    }
                    assertThat(text).isEqualTo(min + "–" + max + " uur per week " + (v != null ? "bieden" : "accepteren")
                            + " (nu " + h.min() + "–" + h.max() + ")");
                }
                case "travel-distance" -> assertThat(text).isEqualTo("Tot " + patch.path("value").asInt() + " km reizen (nu "
                        + p.maxTravelKm() + " km)");
                case "learn-skill" -> {
                    var t = matcher.taxonomy();
                    String id = patch.path("value").has("id") ? patch.path("value").path("id").asText()
                            : patch.path("value").get(patch.path("value").size() - 1).path("id").asText();
                    assertThat(text).isEqualTo("„" + t.label(t.indexOf(id), "nl") + "” leren (met een certificaat)");
                }
                case "dutch-level" -> {
                    String skill = patch.path("path").asText().replace("/dutch/", "");
                    assertThat(text).startsWith(patch.path("value").asText() + " halen voor Nederlands " + dutchWord(skill) + " (nu ");
                }
                default -> assertThat(text).isNotBlank();
            }
        }
    }

    private static String dutchWord(String skill) {
        return switch (skill) {
            case "listening" -> "luisteren";
            case "reading" -> "lezen";
            case "speaking" -> "spreken";
            case "writing" -> "schrijven";
            default -> throw new IllegalArgumentException(skill);
        };
    }

    private List<String> sentences() {
        List<String> out = new ArrayList<>();
        driver.findElements(By.cssSelector("#advice-list .suggestion-text")).forEach(e -> out.add(e.getText()));
        return out;
    }

    private static List<String> summaries(JsonNode advice) {
        List<String> out = new ArrayList<>();
        advice.path("suggestions").forEach(s -> out.add(s.path("summary").asText()));
        return out;
    }

    private void setMinScore(String value) {
        WebElement min = driver.findElement(By.name("adviceMinScore"));
        min.clear();
        min.sendKeys(value);
        driver.findElement(By.id("advice-apply")).click();
    }

    /** Waits until nothing on the page is busy and the panel shows an answer or an error. */
    private void waitForIdle() {
        wait.until(d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty()
                && (!d.findElements(By.id("advice-status")).isEmpty() || !d.findElements(By.id("advice-error")).isEmpty()
                || d.findElements(By.id("advice")).isEmpty()));
    }

    private String firstAdvised(String template, String prefix, int count, Predicate<JsonNode> wanted) throws Exception {
        for (int i = 0; i < count; i++) {
            JsonNode advice = api(String.format(template, prefix + i) + "?limit=20&lang=nl");
            if (wanted.test(advice)) {
                return prefix + i;
            }
        }
        throw new IllegalStateException("the generated world has no " + prefix + " with enough advice");
    }

    private static boolean hasExamples(JsonNode advice) {
        for (JsonNode s : advice.path("suggestions")) {
            if (!s.path("examples").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private String firstProfileWantingAnOccupation() {
        for (int i = 0; i < 3000; i++) {
            var p = matcher.profile("p-" + i);
            if (p.isPresent() && !p.get().wantedOccupations().isEmpty()) {
                return p.get().id();
            }
        }
        throw new IllegalStateException("no generated profile wants an occupation");
    }
}
