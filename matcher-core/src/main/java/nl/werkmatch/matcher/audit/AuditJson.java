package nl.werkmatch.matcher.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.werkmatch.matcher.json.AdviceJson;

/**
 * The JSON of an audit report, written as a stream (a country's never-recommended list can be long):
 * {@code {"day","k","minScore","region","vacancies","profiles","recommended","slots","neverRecommendedCount",
 * "neverRecommendedListed","neverRecommended":[{"id","reason","eligible","advice"}],"neverRecommendedByReason":{..},
 * "neverRecommendedByRegion":[{"value","count"}],"groups":{"gender":[{"value","profiles","recommended","slotShare",
 * "profileShare","ratio","belowFourFifths"}],..},"congestion":{"gini","top1PercentShare","top10PercentShare",
 * "mostExposed","lorenz"},"unfilledVacancies":[{"id","title","region","advice"}],"adviceCoverage":{"minScore",
 * "profilesAdvised","profilesNeverRecommended","vacanciesAdvised","vacanciesUnfilled"}}}. An {@code advice} is the
 * advice answer ({@code {"id","minScore","reachable","suggestions":[{"kind","summary","patch","reachable","unlocks",
 * "loses","examples"}]}}), present only for the records the audit advised.
 */
public final class AuditJson {
    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();
    /** No limit on the never-recommended list. */
    public static final int ALL = Integer.MAX_VALUE;

    private AuditJson() {
    }

    /** The report as one JSON document. */
    public static String toJson(AuditReport report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the report to {@code out} (not closed), with every never-recommended profile. */
    public static void write(AuditReport report, Writer out) throws IOException {
        write(report, out, ALL);
    }

    /**
     * Writes the report to {@code out} (not closed), listing at most {@code limit} never-recommended profiles (the
     * first in the report's order, so the advised ones first); the counts always cover all of them.
     */
    public static void write(AuditReport report, Writer out, int limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0, got " + limit);
        }
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            AuditReport.Summary s = report.request();
            g.writeStringField("day", s.day().toString());
            g.writeNumberField("k", s.k());
            g.writeNumberField("minScore", s.minScore());
            if (s.region() != null) {
                g.writeStringField("region", s.region());
            }
            g.writeNumberField("vacancies", report.vacancies());
            g.writeNumberField("profiles", report.profiles());
            g.writeNumberField("recommended", report.recommended());
            g.writeNumberField("slots", report.slots());
            List<AuditReport.NeverRecommended> never = report.neverRecommended();
            int listed = Math.min(limit, never.size());
            g.writeNumberField("neverRecommendedCount", never.size());
            g.writeNumberField("neverRecommendedListed", listed);
            g.writeArrayFieldStart("neverRecommended");
            for (AuditReport.NeverRecommended n : never.subList(0, listed)) {
                g.writeStartObject();
                g.writeStringField("id", n.id());
                g.writeStringField("reason", n.reason().name());
                if (n.eligible() != null) {
                    g.writeNumberField("eligible", n.eligible());
                }
                if (n.advice() != null) {
                    g.writeFieldName("advice");
                    g.writeTree(AdviceJson.toJson(n.advice()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("neverRecommendedByReason");
            for (NeverRecommendedReason r : NeverRecommendedReason.values()) {
                g.writeNumberField(r.name(), report.neverRecommendedByReason().getOrDefault(r, 0));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("neverRecommendedByRegion");
            for (AuditReport.Count c : report.neverRecommendedByRegion()) {
                g.writeStartObject();
                g.writeStringField("value", c.value());
                g.writeNumberField("count", c.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("groups");
            for (Map.Entry<String, List<AuditReport.GroupRow>> e : report.groups().entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (AuditReport.GroupRow row : e.getValue()) {
                    g.writeStartObject();
                    g.writeStringField("value", row.value());
                    g.writeNumberField("profiles", row.profiles());
                    g.writeNumberField("recommended", row.recommended());
                    g.writeNumberField("slotShare", row.slotShare());
                    g.writeNumberField("profileShare", row.profileShare());
                    if (row.ratio() == null) {
                        g.writeNullField("ratio");
                    } else {
                        g.writeNumberField("ratio", row.ratio());
                    }
                    g.writeBooleanField("belowFourFifths", row.belowFourFifths());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            AuditReport.Congestion c = report.congestion();
            g.writeObjectFieldStart("congestion");
            g.writeNumberField("gini", c.gini());
            g.writeNumberField("top1PercentShare", c.top1PercentShare());
            g.writeNumberField("top10PercentShare", c.top10PercentShare());
            g.writeArrayFieldStart("mostExposed");
            for (int x : c.mostExposed()) {
                g.writeNumber(x);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lorenz");
            for (double x : c.lorenz()) {
                g.writeNumber(x);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("unfilledVacancies");
            for (AuditReport.UnfilledVacancy v : report.unfilledVacancies()) {
                g.writeStartObject();
                g.writeStringField("id", v.id());
                if (v.title() != null) {
                    g.writeStringField("title", v.title());
                }
                if (v.region() != null) {
                    g.writeStringField("region", v.region());
                }
                if (v.advice() != null) {
                    g.writeFieldName("advice");
                    g.writeTree(AdviceJson.toJson(v.advice()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            AuditReport.AdviceCoverage a = report.advice();
            g.writeObjectFieldStart("adviceCoverage");
            g.writeNumberField("minScore", a.minScore());
            g.writeNumberField("profilesAdvised", a.profiles());
            g.writeNumberField("profilesNeverRecommended", never.size());
            g.writeNumberField("vacanciesAdvised", a.vacancies());
            g.writeNumberField("vacanciesUnfilled", report.unfilledVacancies().size());
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
