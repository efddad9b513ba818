package nl.werkmatch.examples.http;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.Semaphore;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.audit.AuditHtml;
import nl.werkmatch.matcher.audit.AuditJson;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditRequest;

/**
 * {@code GET /audit}: the inclusion audit, as JSON or, for {@code Accept: text/html}, as the HTML report. One audit
 * runs at a time (it uses every core); a second request meanwhile is answered 409.
 */
final class AuditRoutes {
    static final Set<String> QUERY = Set.of("k", "minScore", "day", "region", "lang", "eligibleCounts", "advice", "limit");
    /** How many never-recommended profiles the JSON lists when the request gives no limit; the counts cover all. */
    static final int DEFAULT_LIMIT = 1_000;
    static final String HTML = "text/html; charset=utf-8";

    private final Matcher matcher;
    private final Semaphore running = new Semaphore(1);

    AuditRoutes(Matcher matcher) {
        this.matcher = matcher;
    }

    void register(Router router) {
        router.get("/audit", Role.AUDIT, this::audit);
    }

    private Response audit(Request request) {
        request.allowQuery(QUERY);
        AuditRequest.Builder b = AuditRequest.builder();
        request.queryInt("k", 1, MatchRequest.MAX_K).ifPresent(b::k);
        request.queryDouble("minScore", 0, 1).ifPresent(b::minScore);
        request.queryBoolean("eligibleCounts").ifPresent(b::eligibleCounts);
        request.queryInt("advice", 0, AuditRequest.MAX_ADVICE).ifPresent(b::advice);
        int limit = request.queryInt("limit", 0, Integer.MAX_VALUE).orElse(DEFAULT_LIMIT);
        request.query("day").ifPresent(day -> {
            try {
                b.day(LocalDate.parse(day.trim()));
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter("day", "\"" + day + "\" is not a date like 2026-12-01");
            }
        });
        request.query("region").ifPresent(region -> b.region(matcher.regions().labourMarketRegion(region)
                .orElseThrow(() -> ApiException.badParameter("region", "\"" + region
                        + "\" is not a labour market region (give its name, e.g. Groot Amsterdam)")).name()));
        AuditHtml.Language language = request.query("lang").map(lang -> AuditHtml.Language.parse(lang)
                .orElseThrow(() -> ApiException.badParameter("lang", "must be nl or en"))).orElse(AuditHtml.Language.NL);
        boolean html = request.accepts("text/html");
        if (!running.tryAcquire()) {
            throw ApiException.conflict("an audit is already running; ask again when it is done");
        }
        AuditReport report;
        try {
            report = matcher.audit(b.build());
        } finally {
            running.release();
        }
        return html
                ? Response.raw(HTML, AuditHtml.render(report, language).getBytes(StandardCharsets.UTF_8))
                : Response.raw(Response.JSON, json(report, limit).getBytes(StandardCharsets.UTF_8));
    }

    private static String json(AuditReport report, int limit) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            AuditJson.write(report, out, limit);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
