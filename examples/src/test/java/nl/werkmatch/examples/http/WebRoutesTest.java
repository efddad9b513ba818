package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web page's files: types, caching, security headers, and no way to reach any other resource. */
class WebRoutesTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ApiServer server;
    private static WebRoutes web;

    @BeforeAll
    static void start() throws Exception {
        web = new WebRoutes();
        Router router = new Router();
        web.register(router);
        router.add("GET", "/openapi.json", r -> Response.raw(Response.JSON, ServiceRoutes.openapiDocument()));
        server = ApiServer.start(router, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePageIsHtmlRevalidatedEachTimeAndLinksTheCurrentVersion() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.body()).contains("/app/" + web.version() + "/app.js").contains("/app/" + web.version() + "/app.css")
                .doesNotContain("{{version}}");
        assertThat(web.version()).matches("[0-9a-f]{12}");
    }

    @Test
    void everyFileIsServedWithItsTypeAndCachedForGoodAtTheCurrentVersion() throws Exception {
        for (String name : WebRoutes.FILES) {
            HttpResponse<byte[]> r = CLIENT.send(request("/app/" + web.version() + "/" + name), BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            String type = name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "image/svg+xml";
            assertThat(r.headers().firstValue("Content-Type")).as(name).hasValue(type);
            assertThat(r.headers().firstValue("Cache-Control")).as(name).hasValue("public, max-age=31536000, immutable");
            try (InputStream in = WebRoutes.class.getResourceAsStream(WebRoutes.RESOURCE_DIRECTORY + name)) {
                assertThat(r.body()).as(name).isEqualTo(in.readAllBytes());
            }
        }
    }

    @Test
    void anOldVersionGetsTheCurrentFileUncached() throws Exception {
        HttpResponse<String> r = get("/app/0123456789ab/app.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void everyModuleThePagesImportIsServed() throws Exception {
        // A view imported but missing from FILES would fail only in the browser; find every import here.
        Pattern imports = Pattern.compile("(?:from\\s+|import\\()'\\./([a-z0-9-]+\\.js)'");
        for (String name : WebRoutes.FILES) {
            if (!name.endsWith(".js")) {
                continue;
            }
            Matcher m = imports.matcher(get("/app/" + web.version() + "/" + name).body());
            while (m.find()) {
                assertThat(WebRoutes.FILES).as("imported by " + name).contains(m.group(1));
            }
        }
    }

    @Test
    void theListOfFilesIsExactlyTheResourceDirectory() throws Exception {
        Path dir = Path.of(WebRoutes.class.getResource(WebRoutes.RESOURCE_DIRECTORY).toURI());
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> present.add(f.getFileName().toString()));
        }
        Set<String> listed = new TreeSet<>(WebRoutes.FILES);
        listed.add(WebRoutes.INDEX);
        assertThat(present).isEqualTo(listed);
    }

    @Test
    void everyNeverRecommendedReasonAndEveryAdviceKindHasItsWordsInBothLanguages() throws Exception {
        Path dir = Path.of(WebRoutes.class.getResource(WebRoutes.RESOURCE_DIRECTORY).toURI());
        String panels = Files.readString(dir.resolve("i18n-panels.js"));
        for (var reason : nl.werkmatch.matcher.audit.NeverRecommendedReason.values()) {
            // once in Dutch, once in English
            assertThat(panels.split("'reason." + reason.name() + "'", -1)).as(reason.name()).hasSize(3);
        }
        // A Dutch sentence for every kind of suggestion (an unknown kind would show the API's English summary).
        String words = Files.readString(dir.resolve("advice-words.js"));
        for (var kind : nl.werkmatch.matcher.advice.SuggestionKind.values()) {
            assertThat(words).as(kind.jsonName()).contains("case '" + kind.jsonName() + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/app/v/..%2Fopenapi.json",
            "/app/v/..%2F..%2FWebRoutes.class",
            "/app/v/%2e%2e%2f%2e%2e%2fRoutes.class",
            "/app/v/..%5Copenapi.json",
            "/app/v/index.html",
            "/app/v/APP.JS",
            "/app/v/app.js%00.css",
            "/app/v/app.js/",
            "/app/v/web%2Fapp.js",
            "/app/../openapi.json",
            "/app/v/../../openapi.json",
            "/app/%2e%2e/openapi.json",
            "/app/v/",
            "/app/app.js",
    })
    void nothingButThePagesFilesCanBeReached(String path) throws Exception {
        // A raw socket: an HTTP client might tidy the path before sending it.
        String answer = rawGet(path);
        String status = answer.substring(0, answer.indexOf("\r\n"));
        assertThat(status).as(path).matches("HTTP/1\\.1 (400|404) .*");
        assertThat(answer).as(path).doesNotContain("\"openapi\"").doesNotContain("import ");
    }

    @Test
    void queryParametersAreRefused() throws Exception {
        assertThat(get("/?debug=1").statusCode()).isEqualTo(400);
        assertThat(get("/app/" + web.version() + "/app.js?v=2").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(request(path), BodyHandlers.ofString());
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(server.uri().toString()).resolve(path)).build();
    }

    private static String rawGet(String path) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder answer = new StringBuilder();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.append(buffer, 0, n);
            }
            return answer.toString();
        }
    }
}
