package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consultant's web page: {@code GET /} answers the page and {@code GET /app/{version}/{file}} its scripts and
 * style sheet, all read once from the jar. Only the files named in {@link #FILES} are ever served, so no path a
 * client sends can reach another resource. The version in the asset path is a hash of every file: a new release
 * has new asset URLs, so the assets can be cached for good while the page itself is revalidated each time.
 */
final class WebRoutes {
    static final String RESOURCE_DIRECTORY = "web/";
    static final String INDEX = "index.html";
    /** Every file of the page besides the index; a test checks that this is exactly the resource directory. */
    static final List<String> FILES = List.of("app.css", "app.js", "api.js", "dom.js", "i18n.js", "ui.js", "explain.js",
            "matches.js", "csv.js", "view-search.js", "view-vacancy.js", "view-profile.js", "logo.svg",
            "i18n-panels.js", "svg.js", "fairness.js", "view-audit.js", "view-allocations.js",
            "advice.js", "advice-words.js", "i18n-advice.js");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    /** The page loads nothing from elsewhere and runs no inline script or style; framing it is refused. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final String version;
    private final byte[] index;

    WebRoutes() {
        MessageDigest digest = sha256();
        for (String name : FILES) {
            byte[] bytes = resource(name);
            files.put(name, bytes);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }
        byte[] page = resource(INDEX);
        digest.update(page);
        this.version = HexFormat.of().formatHex(digest.digest(), 0, 6);
        this.index = new String(page, StandardCharsets.UTF_8).replace("{{version}}", version)
                .getBytes(StandardCharsets.UTF_8);
    }

    void register(Router router) {
        router.get("/", Role.PUBLIC, this::page)
                .get("/app/{version}/{file}", Role.PUBLIC, this::asset);
    }

    /** The current asset version, as it appears in {@code /app/{version}/...}. */
    String version() {
        return version;
    }

    private Response page(Request request) {
        request.allowQuery(Set.of());
        return secured(Response.raw(TYPES.get("html"), index)).withHeader("Cache-Control", "no-cache");
    }

    private Response asset(Request request) {
        request.allowQuery(Set.of());
        String name = request.pathParameter("file");
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw ApiException.notFound("no file \"" + name + "\" in the web page");
        }
        Response response = secured(Response.raw(TYPES.get(extension(name)), bytes));
        // A page loaded before an upgrade may still ask for the old version: answer the current file, uncached.
        return version.equals(request.pathParameter("version"))
                ? response.withHeader("Cache-Control", "public, max-age=31536000, immutable")
                : response.withHeader("Cache-Control", "no-cache");
    }

    private static Response secured(Response response) {
        return response.withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    private static String extension(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        if (!TYPES.containsKey(ext)) {
            throw new IllegalStateException("no content type for " + name);
        }
        return ext;
    }

    private static byte[] resource(String name) {
        extension(name);
        try (InputStream in = WebRoutes.class.getResourceAsStream(RESOURCE_DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("the web page's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
