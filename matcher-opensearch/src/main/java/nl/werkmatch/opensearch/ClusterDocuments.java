package nl.werkmatch.opensearch;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;

/**
 * The two indexes' mappings and documents. A document holds what the bounding query reads (skill credits or
 * requirement shares as {@code rank_features}, the point as {@code geo_point}, the small facts as keyword and numeric
 * fields), the compact form the client rescores exactly ({@code binary}, read from {@code _source}), and the original
 * record ({@code record}, kept in {@code _source} only, not indexed) to explain a match and to rebuild the index.
 *
 * <p>The Dutch fields hold CEFR ranks: a profile's level per language skill, a vacancy's requirement after language
 * support, so the query compares them as the core's rules do. Concepts and occupations are the taxonomy's dense
 * numbers of the compact form, as strings.
 */
final class ClusterDocuments {
    /** Changes whenever a mapping or a document's fields change; part of the index fingerprint. */
    static final String LAYOUT_VERSION = "1";
    /** The job-type value of a profile that accepts every type. */
    static final String ANY_JOB_TYPE = "ANY";

    static final String SKILLS = "skills";
    static final String REQUIRED = "req";

    private ClusterDocuments() {
    }

    static String dutchField(LanguageSkill s) {
        return "dutch_" + s.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String feature(int concept) {
        return "c" + concept;
    }

    /** The index settings and mapping of the profiles index. */
    static ObjectNode profileIndex(int shards, int replicas, String refreshInterval, ObjectNode meta) {
        ObjectNode p = properties();
        p.putObject(SKILLS).put("type", "rank_features");
        keyword(p, "concepts");
        p.putObject("point").put("type", "geo_point");
        for (LanguageSkill s : LanguageSkill.values()) {
            number(p, dutchField(s), "byte");
        }
        number(p, "english", "byte");
        number(p, "education", "byte");
        keyword(p, "auth");
        keyword(p, "jobTypes");
        number(p, "hoursMin", "short");
        number(p, "hoursMax", "short");
        number(p, "availableFrom", "long");
        number(p, "maxTravelKm", "integer");
        keyword(p, "region");
        keyword(p, "want");
        keyword(p, "wantGroup");
        keyword(p, "wantSector");
        return index(shards, replicas, refreshInterval, meta, p);
    }

    /** The index settings and mapping of the vacancies index. */
    static ObjectNode vacancyIndex(int shards, int replicas, String refreshInterval, ObjectNode meta) {
        ObjectNode p = properties();
        p.putObject(REQUIRED).put("type", "rank_features");
        keyword(p, "reqConcepts");
        keyword(p, "essential");
        p.putObject("point").put("type", "geo_point");
        p.putObject("remote").put("type", "boolean");
        for (LanguageSkill s : LanguageSkill.values()) {
            number(p, dutchField(s), "byte");
        }
        number(p, "englishAccepted", "byte");
        number(p, "education", "byte");
        p.putObject("permitSponsored").put("type", "boolean");
        keyword(p, "jobType");
        number(p, "hoursMin", "short");
        number(p, "hoursMax", "short");
        number(p, "openFrom", "long");
        number(p, "openUntil", "long");
        keyword(p, "region");
        keyword(p, "occupation");
        keyword(p, "iscoGroup");
        keyword(p, "sector");
        return index(shards, replicas, refreshInterval, meta, p);
    }

    private static ObjectNode properties() {
        ObjectNode p = Http.JSON.createObjectNode();
        keyword(p, "id");
        p.putObject("form").put("type", "binary");
        p.putObject("record").put("type", "object").put("enabled", false);
        return p;
    }

    private static ObjectNode index(int shards, int replicas, String refreshInterval, ObjectNode meta,
                                    ObjectNode properties) {
        ObjectNode body = Http.JSON.createObjectNode();
        ObjectNode settings = body.putObject("settings").putObject("index");
        settings.put("number_of_shards", shards).put("number_of_replicas", replicas)
                .put("refresh_interval", refreshInterval)
                // erasure: an expunge merges every segment holding a deleted document, not only those above 10 %
                .put("merge.policy.expunge_deletes_allowed", 0);
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.set("_meta", meta);
        mappings.set("properties", properties);
        return body;
    }

    private static void keyword(ObjectNode p, String name) {
        p.putObject(name).put("type", "keyword");
    }

    private static void number(ObjectNode p, String name, String type) {
        p.putObject(name).put("type", type);
    }

    // ---- documents

    static ObjectNode profile(PreparedProfile pp, byte[] form, JsonNode record) {
        ObjectNode d = common(pp.id(), form, record);
        ObjectNode skills = d.putObject(SKILLS);
        ArrayNode concepts = d.putArray("concepts");
        for (int i = 0; i < pp.coveredCount(); i++) {
            // credits are defined at the 9 significant bits a rank feature keeps, as in the embedded index
            skills.put(feature(pp.coveredConcept(i)), (float) pp.coveredCredit(i));
            concepts.add(Integer.toString(pp.coveredConcept(i)));
        }
        d.putObject("point").put("lat", pp.point().lat()).put("lon", pp.point().lon());
        for (LanguageSkill s : LanguageSkill.values()) {
            d.put(dutchField(s), pp.dutch(s).rank());
        }
        d.put("english", pp.english().rank());
        d.put("education", pp.education().ordinal());
        d.put("auth", pp.workAuthorization().name());
        ArrayNode types = d.putArray("jobTypes");
        if (pp.jobTypeMask() == 0) {
            types.add(ANY_JOB_TYPE);
        } else {
            for (JobType t : JobType.values()) {
                if (pp.accepts(t)) {
                    types.add(t.name());
                }
            }
        }
        d.put("hoursMin", pp.hours().min());
        d.put("hoursMax", pp.hours().max());
        if (pp.availableFrom() != null) {
            d.put("availableFrom", pp.availableFrom().toEpochDay());
        }
        if (pp.maxTravelKm() != null) {
            d.put("maxTravelKm", pp.maxTravelKm());
        }
        d.put("region", pp.location().region().name());
        ArrayNode want = d.putArray("want");
        for (int o : pp.wantedOccupations()) {
            want.add(Integer.toString(o));
        }
        ArrayNode groups = d.putArray("wantGroup");
        pp.wantedIscoGroups().forEach(groups::add);
        ArrayNode sectors = d.putArray("wantSector");
        pp.wantedSectors().forEach(sectors::add);
        return d;
    }

    static ObjectNode vacancy(PreparedVacancy pv, byte[] form, JsonNode record) {
        ObjectNode d = common(pv.id(), form, record);
        ObjectNode req = d.putObject(REQUIRED);
        ArrayNode concepts = d.putArray("reqConcepts");
        ArrayNode essential = d.putArray("essential");
        for (int i = 0; i < pv.requiredCount(); i++) {
            req.put(feature(pv.requiredConcept(i)), (float) pv.share(i));
            concepts.add(Integer.toString(pv.requiredConcept(i)));
            if (pv.importance(i) == nl.werkmatch.matcher.model.Importance.ESSENTIAL) {
                essential.add(Integer.toString(pv.requiredConcept(i)));
            }
        }
        // a remote vacancy scores 1 on distance wherever it is, so it gets no point for the distance feature
        if (!pv.remote()) {
            d.putObject("point").put("lat", pv.point().lat()).put("lon", pv.point().lon());
        }
        d.put("remote", pv.remote());
        for (LanguageSkill s : LanguageSkill.values()) {
            d.put(dutchField(s), pv.dutchRequired(s).rank());
        }
        d.put("englishAccepted", pv.englishAccepted().rank());
        d.put("education", pv.education().ordinal());
        d.put("permitSponsored", pv.permitSponsored());
        d.put("jobType", pv.jobType().name());
        d.put("hoursMin", pv.hours().min());
        d.put("hoursMax", pv.hours().max());
        if (pv.openFrom() != null) {
            d.put("openFrom", pv.openFrom().toEpochDay());
        }
        if (pv.openUntil() != null) {
            d.put("openUntil", pv.openUntil().toEpochDay());
        }
        if (pv.location() != null) {
            d.put("region", pv.location().region().name());
        }
        if (pv.occupation() >= 0) {
            d.put("occupation", Integer.toString(pv.occupation()));
        }
        if (pv.iscoGroup() != null) {
            d.put("iscoGroup", pv.iscoGroup());
        }
        if (pv.sector() != null) {
            d.put("sector", pv.sector());
        }
        return d;
    }

    private static ObjectNode common(String id, byte[] form, JsonNode record) {
        ObjectNode d = Http.JSON.createObjectNode();
        d.put("id", id);
        d.put("form", Base64.getEncoder().encodeToString(form));
        d.set("record", record);
        return d;
    }

    static byte[] form(JsonNode source) {
        JsonNode f = source.path("form");
        if (!f.isTextual()) {
            throw new ClusterException("a document has no compact form (\"form\"); was the index written by Werkmatch?");
        }
        return Base64.getDecoder().decode(f.asText());
    }
}
