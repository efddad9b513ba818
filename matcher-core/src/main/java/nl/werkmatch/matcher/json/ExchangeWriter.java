package nl.werkmatch.matcher.json;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Education;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.InburgeringRoute;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Writes the model as exchange format v1 trees, fields in the order of the format's description. A field that
 * is absent, or equal to the default a reader would give it, is left out: reading the output gives back an
 * equal object.
 */
final class ExchangeWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExchangeWriter() {
    }

    static ObjectNode profile(Profile p) {
        ObjectNode o = NODES.objectNode();
        o.put("id", p.id());
        o.put("workAuthorization", p.workAuthorization().name());
        o.set("location", location(p.location()));
        if (p.maxTravelKm() != null) {
            o.put("maxTravelKm", p.maxTravelKm().intValue());
        }
        if (!p.skills().isEmpty()) {
            ArrayNode a = o.putArray("skills");
            for (SkillClaim s : p.skills()) {
                a.addObject().put("id", s.id()).put("evidence", s.evidence().name());
            }
        }
        if (!p.experience().isEmpty()) {
            ArrayNode a = o.putArray("experience");
            for (Experience e : p.experience()) {
                ObjectNode x = a.addObject().put("occupation", e.occupation());
                // Whole years as 4, not 4.0, as people write them.
                if (e.years() == Math.rint(e.years())) {
                    x.put("years", (long) e.years());
                } else {
                    x.put("years", e.years());
                }
            }
        }
        dutch(o, "dutch", p.dutch());
        cefr(o, "english", p.english());
        strings(o, "otherLanguages", p.otherLanguages());
        if (!p.education().equals(Education.NONE)) {
            o.putObject("education").put("level", p.education().level().name()).put("recognized", p.education().recognized());
        }
        if (p.inburgeringRoute() != InburgeringRoute.NONE) {
            o.put("inburgeringRoute", p.inburgeringRoute().name());
        }
        hours(o, p.hours());
        if (p.availableFrom() != null) {
            o.put("availableFrom", p.availableFrom().toString());
        }
        enums(o, "jobTypes", p.jobTypes());
        if (!p.wantedOccupations().isEmpty()) {
            strings(o.putObject("wants"), "occupations", p.wantedOccupations());
        }
        Audit audit = p.audit();
        if (!audit.equals(Audit.EMPTY)) {
            ObjectNode a = o.putObject("audit");
            if (audit.gender() != null) {
                a.put("gender", audit.gender());
            }
            if (audit.birthYear() != null) {
                a.put("birthYear", audit.birthYear().intValue());
            }
            if (audit.countryOfOrigin() != null) {
                a.put("countryOfOrigin", audit.countryOfOrigin());
            }
        }
        return o;
    }

    static ObjectNode vacancy(Vacancy v) {
        ObjectNode o = NODES.objectNode();
        o.put("id", v.id());
        putIfPresent(o, "title", v.title());
        putIfPresent(o, "description", v.description());
        putIfPresent(o, "employer", v.employer());
        putIfPresent(o, "occupation", v.occupation());
        if (v.location() != null) {
            o.set("location", location(v.location()));
        }
        if (v.remote()) {
            o.put("remote", true);
        }
        if (!v.skills().isEmpty()) {
            ArrayNode a = o.putArray("skills");
            for (SkillRequirement s : v.skills()) {
                a.addObject().put("id", s.id()).put("importance", s.importance().name());
            }
        }
        dutch(o, "dutch", v.dutch());
        cefr(o, "englishAccepted", v.englishAccepted());
        if (v.languageSupport()) {
            o.put("languageSupport", true);
        }
        if (v.educationLevel() != EducationLevel.NONE) {
            o.put("educationLevel", v.educationLevel().name());
        }
        if (v.jobType() != JobType.REGULAR) {
            o.put("jobType", v.jobType().name());
        }
        hours(o, v.hours());
        if (v.positions() != 1) {
            o.put("positions", v.positions());
        }
        if (v.permitSponsored()) {
            o.put("permitSponsored", true);
        }
        if (v.openFrom() != null) {
            o.put("openFrom", v.openFrom().toString());
        }
        if (v.openUntil() != null) {
            o.put("openUntil", v.openUntil().toString());
        }
        enums(o, "support", v.support());
        return o;
    }

    private static ObjectNode location(Location l) {
        ObjectNode o = NODES.objectNode();
        if (l.municipality() != null) {
            o.put("municipality", l.municipality());
        } else if (l.postcode() != null) {
            o.put("postcode", l.postcode());
        } else {
            o.put("lat", l.lat().doubleValue()).put("lon", l.lon().doubleValue());
        }
        return o;
    }

    private static void dutch(ObjectNode o, String name, DutchLevels levels) {
        if (levels.equals(DutchLevels.NONE)) {
            return;
        }
        ObjectNode d = o.putObject(name);
        for (LanguageSkill skill : LanguageSkill.values()) {
            d.put(skill.fieldName(), levels.get(skill).name());
        }
    }

    private static void cefr(ObjectNode o, String name, Cefr level) {
        if (level != Cefr.NONE) {
            o.put(name, level.name());
        }
    }

    private static void hours(ObjectNode o, HoursRange hours) {
        if (!hours.equals(HoursRange.ANY)) {
            o.putObject("hours").put("min", hours.min()).put("max", hours.max());
        }
    }

    private static void strings(ObjectNode o, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(name);
            values.forEach(a::add);
        }
    }

    /** Sets from the model iterate in no fixed order; sorting by declaration keeps the output stable. */
    private static <E extends Enum<E>> void enums(ObjectNode o, String name, Collection<E> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(name);
            values.stream().sorted(Comparator.naturalOrder()).forEach(e -> a.add(e.name()));
        }
    }

    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
