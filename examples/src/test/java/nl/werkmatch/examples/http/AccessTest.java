package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/**
 * Keys and roles end to end: every route under every kind of caller (a table-driven test over the routes as
 * registered), the 401 and 403 documents, audit fields per role, revocation without a restart, and what the
 * request log may and may not hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The roles the issue assigns to each operation; the router's declarations must say the same. */
    private static final Map<String, Role> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("PUT /profiles/{id}", Role.WRITE),
            Map.entry("GET /profiles/{id}", Role.READ),
            Map.entry("DELETE /profiles/{id}", Role.WRITE),
            Map.entry("POST /profiles", Role.WRITE),
            Map.entry("PUT /vacancies/{id}", Role.WRITE),
            Map.entry("GET /vacancies/{id}", Role.READ),
            Map.entry("DELETE /vacancies/{id}", Role.WRITE),
            Map.entry("POST /vacancies", Role.WRITE),
            Map.entry("GET /vacancies/{id}/candidates", Role.READ),
            Map.entry("GET /profiles/{id}/vacancies", Role.READ),
            Map.entry("POST /match", Role.READ),
            Map.entry("GET /profiles/{id}/advice", Role.READ),
            Map.entry("GET /vacancies/{id}/advice", Role.READ),
            Map.entry("POST /advice", Role.READ),
            Map.entry("POST /allocations", Role.READ),
            Map.entry("GET /audit", Role.AUDIT),
            Map.entry("GET /skills", Role.READ),
            Map.entry("GET /health", Role.PUBLIC),
            Map.entry("GET /openapi.json", Role.READ),
            Map.entry("POST /admin/purge", Role.ADMIN),
            Map.entry("GET /metrics", Role.ADMIN),
            // The web page: its files load without a key (it must show the sign-in), what it reads needs read.
            Map.entry("GET /", Role.PUBLIC),
            Map.entry("GET /app/{version}/{file}", Role.PUBLIC),
            Map.entry("GET /vacancies", Role.READ),
            Map.entry("GET /vacancies/{id}/summary", Role.READ),
            Map.entry("GET /profiles/{id}/summary", Role.READ),
            Map.entry("GET /regions", Role.READ),
            Map.entry("GET /session", Role.READ),
            Map.entry("GET /labels", Role.READ)));

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<String> logLines = new ArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logLines) {
                logLines.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final AtomicInteger fresh = new AtomicInteger();
    private Path keysFile;
    private Matcher matcher;
    private ApiServer server;
    private ApiKeys keys;
    private SyntheticWorld world;
    private ExchangeFormat format;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        keysFile = tmp.resolve("keys.json");
        for (Role role : Role.GRANTABLE) {
            tokens.put(role.label(), ApiKeys.add(keysFile, "key-" + role.label(), EnumSet.of(role), Clock.systemUTC()));
        }
        tokens.put("write+audit", ApiKeys.add(keysFile, "key-write-audit", EnumSet.of(Role.WRITE, Role.AUDIT), Clock.systemUTC()));
        matcher = Matcher.inMemory();
        world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(5).today(LocalDate.now()).build();
        matcher.upsertProfiles(world.profiles(50).toList());
        matcher.upsertVacancies(world.vacancies(30).toList());
        matcher.refresh();
        format = matcher.exchangeFormat();
        keys = ApiKeys.load(keysFile).watch();
        Front.LOG.addHandler(logCapture);
        server = ApiServer.start(matcher, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerOptions.defaults().withKeys(keys));
        awaitVacancySearch();
    }

    /** The vacancy search builds in the background after a start; until then GET /vacancies answers 503. */
    private void awaitVacancySearch() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try {
            while (send("GET", "/vacancies?limit=1", null, null, tokens.get("read")).statusCode() == 503) {
                assertThat(System.nanoTime()).as("the vacancy search is built within a minute").isLessThan(deadline);
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        Front.LOG.removeHandler(logCapture);
        server.close();
        keys.close();
        matcher.close();
    }

    @Test
    void everyRouteDeclaresTheRoleTheIssueAssigns() throws Exception {
        Map<String, Role> declared = new TreeMap<>();
        try (Router routes = Routes.of(matcher)) {
            routes.routes().forEach(r -> declared.put(r.method() + " " + r.template(), r.role()));
        }
        assertThat(declared).isEqualTo(EXPECTED);

        // The OpenAPI document names the same role for each operation.
        JsonNode doc = JSON.readTree(ServiceRoutes.openapiDocument());
        Map<String, Role> documented = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("x-werkmatch-role")) {
                documented.put(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                        Role.valueOf(op.getValue().path("x-werkmatch-role").asText().toUpperCase(java.util.Locale.ROOT)));
            }
        }));
        assertThat(documented).isEqualTo(EXPECTED);
    }

    @Test
    void rolesGrantWhatTheIssueSays() {
        assertThat(Role.anyGrants(Set.of(Role.READ), Role.WRITE)).isFalse();
        assertThat(Role.anyGrants(Set.of(Role.WRITE), Role.READ)).isTrue();
        assertThat(Role.anyGrants(Set.of(Role.WRITE), Role.AUDIT)).isFalse();
        assertThat(Role.anyGrants(Set.of(Role.AUDIT), Role.READ)).isTrue();
        assertThat(Role.anyGrants(Set.of(Role.AUDIT), Role.WRITE)).isFalse();
        assertThat(Role.anyGrants(Set.of(Role.AUDIT), Role.ADMIN)).isFalse();
        assertThat(Role.anyGrants(Set.of(Role.WRITE, Role.AUDIT), Role.ADMIN)).isFalse();
        for (Role r : Role.values()) {
            assertThat(Role.anyGrants(Set.of(Role.ADMIN), r)).isTrue();
            assertThat(Role.anyGrants(Set.of(), r)).isEqualTo(r == Role.PUBLIC);
        }
    }

    @Test
    void everyRoleAgainstEveryRoute() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no key", null);
        callers.put("unknown key", "wm_not-a-key-anyone-has");
        tokens.forEach(callers::put);
        List<Router.Route> all;
        try (Router routes = Routes.of(matcher)) {
            all = routes.routes();
        }
        for (Router.Route route : all) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                HttpResponse<String> r = call(route, caller.getValue());
                int expected = expectedStatus(route.role(), caller.getKey());
                boolean ok = expected == 0 ? r.statusCode() != 401 && r.statusCode() != 403 && r.statusCode() < 500
                        : r.statusCode() == expected;
                if (!ok) {
                    failures.add(route.method() + " " + route.template() + " as " + caller.getKey() + ": " + r.statusCode()
                            + " (expected " + (expected == 0 ? "allowed" : expected) + ") " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** 401, 403, or 0 for "allowed" (any answer but those and a 5xx). */
    private static int expectedStatus(Role needed, String caller) {
        if (needed == Role.PUBLIC) {
            return 0;
        }
        if (caller.equals("no key") || caller.equals("unknown key")) {
            return 401;
        }
        Set<Role> held = EnumSet.noneOf(Role.class);
        for (String r : caller.split("\\+")) {
            held.add(Role.parse(r));
        }
        return Role.anyGrants(held, needed) ? 0 : 403;
    }

    private HttpResponse<String> call(Router.Route route, String token) throws Exception {
        String id = route.template().startsWith("/vacancies/{id}/") ? "v-0"
                : route.template().startsWith("/profiles/{id}/") ? "p-0"
                : "access-" + fresh.incrementAndGet();
        String path = route.template().replace("{id}", id).replace("{version}", "any").replace("{file}", "app.js");
        String body = null;
        String type = null;
        if (route.method().equals("PUT")) {
            body = route.template().startsWith("/profiles")
                    ? format.writeProfile(world.profile(900).toBuilder().id(id).build())
                    : format.writeVacancy(world.vacancy(900).toBuilder().id(id).build());
            type = "application/json";
        } else if (route.template().equals("/profiles") || route.template().equals("/vacancies")) {
            body = route.template().equals("/profiles")
                    ? format.writeProfile(world.profile(901).toBuilder().id(id).build()) + "\n"
                    : format.writeVacancy(world.vacancy(901).toBuilder().id(id).build()) + "\n";
            type = "application/x-ndjson";
        } else if (route.template().equals("/match")) {
            body = "{\"profile\":" + format.writeProfile(world.profile(902)) + ",\"k\":2}";
            type = "application/json";
        } else if (route.template().equals("/skills")) {
            path += "?q=lassen";
        }
        return send(route.method(), path, body, type, token);
    }

    @Test
    void theSessionNamesTheKeyAndItsRolesNeverItsTokenAndSummariesHaveNoAuditFields() throws Exception {
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            HttpResponse<String> r = send("GET", "/session", null, null, t.getValue());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode s = JSON.readTree(r.body());
            assertThat(s.path("keys").asBoolean()).isTrue();
            assertThat(s.path("key").asText()).isEqualTo(t.getKey().equals("write+audit") ? "key-write-audit" : "key-" + t.getKey());
            List<String> roles = new ArrayList<>();
            s.path("roles").forEach(n -> roles.add(n.asText()));
            assertThat(String.join("+", roles)).isEqualTo(t.getKey());
            assertThat(r.body()).doesNotContain(t.getValue()).doesNotContain(t.getValue().substring(3));
        }
        problem(send("GET", "/session", null, null, null), 401);

        String id = "audit-" + fresh.incrementAndGet();
        String body = format.writeProfile(world.profile(951).toBuilder().id(id).audit(new Audit("F", 1990, "SY")).build());
        assertThat(send("PUT", "/profiles/" + id, body, "application/json", tokens.get("admin")).statusCode()).isEqualTo(201);
        JsonNode summary = JSON.readTree(send("GET", "/profiles/" + id + "/summary", null, null, tokens.get("admin")).body());
        assertThat(summary.path("profile").path("id").asText()).isEqualTo(id);
        assertThat(summary.path("profile").has("audit")).as("the web page's summary, even for admin").isFalse();
    }

    @Test
    void missingOrUnknownKeyIs401WithBearerChallenge() throws Exception {
        HttpResponse<String> none = send("GET", "/profiles/p-0", null, null, null);
        JsonNode p = problem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(p.path("detail").asText()).contains("Authorization: Bearer");

        HttpResponse<String> unknown = send("GET", "/profiles/p-0", null, null, "wm_guess");
        problem(unknown, 401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer").contains("invalid_token");

        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(server.uri().resolve("profiles/p-0"))
                .header("Authorization", "Basic " + tokens.get("admin")).build(), BodyHandlers.ofString());
        problem(basic, 401);
        // A path that does not exist says nothing about itself to a caller without a key.
        problem(send("GET", "/no/such/route", null, null, null), 401);
        // Health needs no key.
        assertThat(send("GET", "/health", null, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void knownKeyWithoutTheRoleIs403NamingTheRole() throws Exception {
        JsonNode p = problem(send("DELETE", "/profiles/p-1", null, null, tokens.get("read")), 403);
        assertThat(p.path("detail").asText()).contains("key-read").contains("\"write\"").contains("DELETE /profiles/{id}");
        problem(send("GET", "/metrics", null, null, tokens.get("write+audit")), 403);
        assertThat(send("GET", "/profiles/p-1", null, null, tokens.get("read")).statusCode()).isEqualTo(200);
    }

    @Test
    void auditFieldsOnlyForAuditAndAdmin() throws Exception {
        String id = "audit-" + fresh.incrementAndGet();
        String body = format.writeProfile(world.profile(950).toBuilder().id(id).audit(new Audit("F", 1990, "SY")).build());
        HttpResponse<String> put = send("PUT", "/profiles/" + id, body, "application/json", tokens.get("write"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(JSON.readTree(put.body()).has("audit")).as("a writer's answer has no audit fields").isFalse();
        for (String role : List.of("read", "write")) {
            JsonNode got = JSON.readTree(send("GET", "/profiles/" + id, null, null, tokens.get(role)).body());
            assertThat(got.path("id").asText()).isEqualTo(id);
            assertThat(got.has("audit")).as(role).isFalse();
        }
        for (String role : List.of("audit", "admin", "write+audit")) {
            JsonNode got = JSON.readTree(send("GET", "/profiles/" + id, null, null, tokens.get(role)).body());
            assertThat(got.path("audit").path("countryOfOrigin").asText()).as(role).isEqualTo("SY");
        }
    }

    @Test
    void aRevokedKeyStopsWorkingWithoutARestart() throws Exception {
        String token = ApiKeys.add(keysFile, "short-lived", EnumSet.of(Role.READ), Clock.systemUTC());
        assertThat(awaitStatus("/profiles/p-0", token, 200)).isTrue();
        assertThat(ApiKeys.revoke(keysFile, "short-lived")).isTrue();
        assertThat(awaitStatus("/profiles/p-0", token, 401)).as("revoked within a few seconds").isTrue();
        assertThat(send("GET", "/profiles/p-0", null, null, tokens.get("read")).statusCode()).isEqualTo(200);
    }

    private boolean awaitStatus(String path, String token, int status) throws Exception {
        for (int i = 0; i < 50; i++) {
            if (send("GET", path, null, null, token).statusCode() == status) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void theRequestLogHoldsNoBodyTokenOrValue() throws Exception {
        String marker = "body-marker-7c1e";
        String id = "log-secret-id-" + fresh.incrementAndGet();
        String body = format.writeProfile(world.profile(960).toBuilder().id(id).audit(new Audit("F", 1988, "ER")).build())
                .replace("\"id\":\"" + id + "\"", "\"id\":\"" + id + "\",\"note\":\"" + marker + "\"");
        send("PUT", "/profiles/" + id, body, "application/json", tokens.get("write")); // 400: unknown field "note"
        send("PUT", "/profiles/" + id, body.replace(",\"note\":\"" + marker + "\"", ""), "application/json", tokens.get("write"));
        send("GET", "/profiles/" + id, null, null, tokens.get("audit"));
        send("GET", "/skills?q=" + marker + "&limit=3", null, null, tokens.get("read"));
        send("GET", "/vacancies/v-0/candidates?k=3&region=" + marker + "&explain=true", null, null, tokens.get("read"));
        send("GET", "/profiles/" + id, null, null, "wm_" + marker);
        List<String> lines;
        synchronized (logLines) {
            lines = List.copyOf(logLines);
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("PUT /profiles/{id}").contains("201").contains("key=key-write"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /skills?q=*&limit=3 200"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("k=3&region=*&explain=true"));
        for (String line : lines) {
            assertThat(line).doesNotContain(marker).doesNotContain(id).doesNotContain("1988");
            tokens.values().forEach(t -> assertThat(line).doesNotContain(t));
        }
    }

    @Test
    void metricsArePrometheusTextForAdmin() throws Exception {
        send("GET", "/profiles/p-0", null, null, tokens.get("read"));
        HttpResponse<String> r = send("GET", "/metrics", null, null, tokens.get("admin"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body())
                .contains("http_server_requests_seconds_bucket{")
                .contains("route=\"/profiles/{id}\"")
                .contains("status=\"200\"")
                .contains("werkmatch_profiles ")
                .contains("werkmatch_vacancies ")
                .contains("werkmatch_index_size_bytes ")
                .contains("werkmatch_last_commit_seconds ")
                .contains("jvm_memory_used_bytes{");
        assertThat(r.body()).doesNotContain("p-0");
    }

    @Test
    void keysFileHoldsHashesOnly() throws Exception {
        String text = Files.readString(keysFile);
        tokens.values().forEach(t -> assertThat(text).doesNotContain(t).doesNotContain(t.substring(3)));
        assertThat(ApiKeys.list(keysFile)).extracting(ApiKeys.Key::name).contains("key-read", "key-admin");
        assertThat(ApiKeys.list(keysFile)).allSatisfy(k -> assertThat(k.sha256()).hasSize(64));
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path.substring(1)))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    static JsonNode problem(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.has("type") && p.has("title") && p.has("detail") && p.path("errors").isArray()).isTrue();
        return p;
    }
}
