package nl.werkmatch.matcher.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The audit report as one self-contained HTML page (inline CSS, inline SVG charts, no scripts, nothing fetched):
 * the recommended rate by group with the four-fifths line, the Lorenz curve of exposure, and never-recommended
 * counts by labour market region and by reason, with the tables behind them. In Dutch or English.
 */
public final class AuditHtml {
    /** The languages of the report. */
    public enum Language {
        NL, EN;

        /** The language with this code ({@code nl}, {@code en}), ignoring case. */
        public static Optional<Language> parse(String code) {
            for (Language l : values()) {
                if (l.name().equalsIgnoreCase(code == null ? "" : code.trim())) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
    }

    /** How many never-recommended profiles and unfilled vacancies the page lists; the JSON has them all. */
    static final int LISTED = 200;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
            main{max-width:1080px;margin:0 auto;padding:24px 32px 48px}
            h1{font-size:28px;margin:8px 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #d9dee5;padding-bottom:4px}
            h3{font-size:16px;margin:20px 0 6px}p.sub{color:#5b6775;margin:0 0 16px}
            .cards{display:grid;grid-template-columns:repeat(5,1fr);gap:12px;margin:16px 0}
            .card{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            .card b{display:block;font-size:24px}.card span{color:#5b6775;font-size:13px}
            .panel{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08);margin:12px 0}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eceff3}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.flag td{background:#fff1ec}
            ul.advice{margin:0;padding-left:1.1em}
            .two{display:grid;grid-template-columns:1fr 1fr;gap:16px}.note{color:#5b6775;font-size:13px}
            svg{max-width:760px;display:block}svg text{font-family:inherit;font-size:12px;fill:#1d2733}
            """;

    private AuditHtml() {
    }

    /** The report as an HTML page in {@code language}. */
    public static String render(AuditReport report, Language language) {
        Text t = new Text(language);
        StringBuilder h = new StringBuilder(64 * 1024);
        AuditReport.Summary s = report.request();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(language.name().toLowerCase(Locale.ROOT)).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(t.get("title")).append("</title><style>").append(CSS).append("</style></head><body><main>\n");
        h.append("<h1>").append(t.get("title")).append("</h1><p class=\"sub\">")
                .append(esc(t.format("subtitle", s.day(), s.k(), num(s.minScore(), 2),
                        s.region() == null ? t.get("country") : s.region()))).append("</p>\n");

        int never = report.neverRecommended().size();
        h.append("<div class=\"cards\">");
        card(h, fmt(report.profiles()), t.get("cardProfiles"));
        card(h, pct(share(report.recommended(), report.profiles())), t.get("cardRecommended"));
        card(h, fmt(never) + " (" + pct(share(never, report.profiles())) + ")", t.get("cardNever"));
        card(h, fmt(report.vacancies()), t.get("cardVacancies"));
        card(h, fmt(report.unfilledVacancies().size()), t.get("cardUnfilled"));
        h.append("</div>\n");

        // never recommended
        h.append("<h2>").append(t.get("neverTitle")).append("</h2><div class=\"two\"><div class=\"panel\"><h3>")
                .append(t.get("byRegion")).append("</h3>");
        List<Bar> regions = new ArrayList<>();
        int maxRegion = report.neverRecommendedByRegion().stream().mapToInt(AuditReport.Count::count).max().orElse(0);
        for (AuditReport.Count count : report.neverRecommendedByRegion()) {
            regions.add(new Bar(t.value(count.value()), count.count(), fmt(count.count()), false));
        }
        h.append(regions.isEmpty() ? "<p class=\"note\">" + t.get("none") + "</p>" : Svg.bars(regions, maxRegion, null, null, true));
        h.append("</div><div class=\"panel\"><h3>").append(t.get("byReason")).append("</h3>");
        List<Bar> reasons = new ArrayList<>();
        int maxReason = report.neverRecommendedByReason().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (NeverRecommendedReason r : NeverRecommendedReason.values()) {
            int n = report.neverRecommendedByReason().getOrDefault(r, 0);
            reasons.add(new Bar(t.get("reason." + r.name()), n, fmt(n), false));
        }
        h.append(Svg.bars(reasons, Math.max(1, maxReason), null, null, true));
        h.append("</div></div>\n<div class=\"panel\"><table><tr><th>").append(t.get("reasonColumn")).append("</th><th>")
                .append(t.get("explanation")).append("</th></tr>");
        for (NeverRecommendedReason r : NeverRecommendedReason.values()) {
            h.append("<tr><td>").append(t.get("reason." + r.name())).append("</td><td>").append(t.get("reasonLong." + r.name()))
                    .append("</td></tr>");
        }
        h.append("</table></div>\n");
        // congestion
        AuditReport.Congestion c = report.congestion();
        h.append("<h2>").append(t.get("congestionTitle")).append("</h2><div class=\"two\"><div class=\"panel\">")
                .append(Svg.lorenz(c.lorenz(), t.get("lorenzX"), t.get("lorenzY"), t.get("equality")))
                .append("</div><div class=\"panel\"><table>")
                .append("<tr><td>").append(t.get("gini")).append("</td><td class=\"n\">").append(num(c.gini(), 3)).append("</td></tr>")
                .append("<tr><td>").append(t.get("top1")).append("</td><td class=\"n\">").append(pct(c.top1PercentShare())).append("</td></tr>")
                .append("<tr><td>").append(t.get("top10")).append("</td><td class=\"n\">").append(pct(c.top10PercentShare())).append("</td></tr>")
                .append("<tr><td>").append(t.get("slots")).append("</td><td class=\"n\">").append(fmt(report.slots())).append("</td></tr>")
                .append("<tr><td>").append(t.get("mostExposed")).append("</td><td class=\"n\">")
                .append(esc(String.join(", ", c.mostExposed().stream().map(String::valueOf).toList()))).append("</td></tr>")
                .append("</table><p class=\"note\">").append(t.get("congestionNote")).append("</p></div></div>\n");

        // groups
        h.append("<h2>").append(t.get("groupsTitle")).append("</h2><p class=\"note\">").append(t.get("groupsNote")).append("</p>\n");
        for (Map.Entry<String, List<AuditReport.GroupRow>> e : report.groups().entrySet()) {
            h.append("<div class=\"panel\"><h3>").append(t.get("attr." + e.getKey())).append("</h3>");
            List<AuditReport.GroupRow> rows = e.getValue();
            if (rows.isEmpty()) {
                h.append("<p class=\"note\">").append(t.get("tooFew")).append("</p></div>\n");
                continue;
            }
            double best = rows.stream().mapToDouble(AuditReport.GroupRow::recommendedRate).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            for (AuditReport.GroupRow row : rows) {
                bars.add(new Bar(t.value(row.value()), row.recommendedRate(), pct(row.recommendedRate()), row.belowFourFifths()));
            }
            h.append(Svg.bars(bars, 1.0, best > 0 ? AuditReport.FOUR_FIFTHS * best : null, t.get("fourFifthsLine"), false));
            h.append("<table><tr><th>").append(t.get("value")).append("</th><th class=\"n\">").append(t.get("profiles"))
                    .append("</th><th class=\"n\">").append(t.get("recommended")).append("</th><th class=\"n\">")
                    .append(t.get("rate")).append("</th><th class=\"n\">").append(t.get("slotShare"))
                    .append("</th><th class=\"n\">").append(t.get("profileShare")).append("</th><th class=\"n\">")
                    .append(t.get("ratio")).append("</th></tr>");
            for (AuditReport.GroupRow row : rows) {
                h.append(row.belowFourFifths() ? "<tr class=\"flag\">" : "<tr>")
                        .append("<td>").append(esc(t.value(row.value()))).append(row.belowFourFifths() ? " &#9888;" : "")
                        .append("</td><td class=\"n\">").append(fmt(row.profiles()))
                        .append("</td><td class=\"n\">").append(fmt(row.recommended()))
                        .append("</td><td class=\"n\">").append(pct(row.recommendedRate()))
                        .append("</td><td class=\"n\">").append(pct(row.slotShare()))
                        .append("</td><td class=\"n\">").append(pct(row.profileShare()))
                        .append("</td><td class=\"n\">").append(row.ratio() == null ? "&ndash;" : num(row.ratio(), 2))
                        .append("</td></tr>");
            }
            h.append("</table></div>\n");
        }

        // the lists
        h.append("<div class=\"panel\"><h3>").append(t.format("neverList", Math.min(LISTED, never), fmt(never)))
                .append("</h3><table><tr><th>id</th><th>").append(t.get("reasonColumn")).append("</th><th class=\"n\">")
                .append(t.get("eligible")).append("</th></tr>");
        for (AuditReport.NeverRecommended n : report.neverRecommended().subList(0, Math.min(LISTED, never))) {
            h.append("<tr><td>").append(esc(n.id())).append("</td><td>").append(t.get("reason." + n.reason().name()))
                    .append("</td><td class=\"n\">").append(n.eligible() == null ? "&ndash;" : fmt(n.eligible()))
                    .append("</td></tr>");
        }
        h.append("</table></div>\n");

        // advice
        AuditReport.AdviceCoverage coverage = report.advice();
        h.append("<h2>").append(t.get("adviceTitle")).append("</h2><div class=\"panel\"><p class=\"note\">")
                .append(esc(t.format("adviceCoverage", fmt(coverage.profiles()), fmt(never), fmt(coverage.vacancies()),
                        fmt(report.unfilledVacancies().size()), num(coverage.minScore(), 2))))
                .append(" ").append(t.get("adviceOrder")).append("</p>");
        List<AuditReport.NeverRecommended> advised = report.neverRecommended().stream()
                .filter(n -> n.advice() != null).limit(LISTED).toList();
        if (!advised.isEmpty()) {
            h.append("<table><tr><th>id</th><th>").append(t.get("reasonColumn")).append("</th><th class=\"n\">")
                    .append(t.get("reachableNow")).append("</th><th>").append(t.get("adviceColumn")).append("</th></tr>");
            for (AuditReport.NeverRecommended n : advised) {
                h.append("<tr><td>").append(esc(n.id())).append("</td><td>").append(t.get("reason." + n.reason().name()))
                        .append("</td><td class=\"n\">").append(fmt(n.advice().reachable())).append("</td><td>");
                suggestions(h, n.advice(), t);
                h.append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("</div>\n");

        // unfilled vacancies
        int unfilled = report.unfilledVacancies().size();
        h.append("<h2>").append(t.get("unfilledTitle")).append("</h2><div class=\"panel\"><h3>")
                .append(t.format("unfilledList", Math.min(LISTED, unfilled), fmt(unfilled))).append("</h3><table><tr><th>id</th><th>")
                .append(t.get("vacancyTitle")).append("</th><th>").append(t.get("attr.labourMarketRegion"))
                .append("</th><th>").append(t.get("adviceColumn")).append("</th></tr>");
        for (AuditReport.UnfilledVacancy v : report.unfilledVacancies().subList(0, Math.min(LISTED, unfilled))) {
            h.append("<tr><td>").append(esc(v.id())).append("</td><td>").append(esc(v.title() == null ? "" : v.title()))
                    .append("</td><td>").append(esc(v.region() == null ? t.get("remote") : v.region())).append("</td><td>");
            if (v.advice() == null) {
                h.append("&ndash;");
            } else {
                suggestions(h, v.advice(), t);
            }
            h.append("</td></tr>");
        }
        h.append("</table></div>\n<p class=\"note\">").append(t.get("footer")).append("</p>\n</main></body></html>\n");
        return h.toString();
    }

    /** An advice's suggestions as a short list: the kind in the report's language, the summary, what it unlocks. */
    private static void suggestions(StringBuilder h, nl.werkmatch.matcher.advice.Advice advice, Text t) {
        if (advice.suggestions().isEmpty()) {
            h.append(t.get("noSuggestion"));
            return;
        }
        h.append("<ul class=\"advice\">");
        for (nl.werkmatch.matcher.advice.Suggestion s : advice.suggestions()) {
            h.append("<li><b>").append(t.get("kind." + s.kind().name())).append("</b>: ").append(esc(s.summary()))
                    .append(" (+").append(fmt(s.unlocks()));
            if (s.loses() > 0) {
                h.append(", &minus;").append(fmt(s.loses()));
            }
            h.append(")</li>");
        }
        h.append("</ul>");
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><b>").append(esc(value)).append("</b><span>").append(label).append("</span></div>");
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String num(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Escapes text for HTML content and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** One bar: its label, its length in the chart's unit, the text at its end, and whether it is flagged. */
    record Bar(String label, double value, String text, boolean flagged) {
    }
}
