package nl.werkmatch.matcher.json;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Checks a record against the exchange format's rules without writing or parsing JSON: each check sees the value
 * {@link ExchangeWriter} would write and reports what {@link ExchangeReader} would report reading it back, at the
 * same path, in the same order, through the same checks ({@link Values}, the reader's code checks). Only the
 * format's limits are checked here: what a record's constructor refuses (a missing id, min above max hours) never
 * reaches it, and what only JSON can get wrong (types, unknown fields, syntax) stays with the reader.
 * {@code RoundTripCheckTest} compares the two on valid and odd records.
 */
final class RecordCheck {
    private final ExchangeReader reader;

    RecordCheck(ExchangeReader reader) {
        this.reader = reader;
    }

    List<Problem> profile(Profile r) {
        Problems p = new Problems();
        Values.id(r.id(), "id", p);
        location(r.location(), p);
        if (r.maxTravelKm() != null) {
            Values.integer(r.maxTravelKm(), "maxTravelKm", p, 0, ExchangeReader.MAX_TRAVEL_KM, " km");
        }
        Values.count(r.skills().size(), "skills", p, ExchangeReader.MAX_SKILLS);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < Math.min(r.skills().size(), ExchangeReader.MAX_SKILLS); i++) {
            SkillClaim s = r.skills().get(i);
            skillId(s.id(), i, seen, p);
        }
        Values.count(r.experience().size(), "experience", p, ExchangeReader.MAX_EXPERIENCE);
        for (int i = 0; i < Math.min(r.experience().size(), ExchangeReader.MAX_EXPERIENCE); i++) {
            Experience e = r.experience().get(i);
            String at = Problems.index("experience", i);
            Values.id(e.occupation(), Problems.field(at, "occupation"), p);
            years(e.years(), Problems.field(at, "years"), p);
        }
        distinctCodes(r.otherLanguages(), "otherLanguages", ExchangeReader.MAX_OTHER_LANGUAGES, true, p);
        if (r.availableFrom() != null) {
            Values.date(r.availableFrom().toString(), "availableFrom", p);
        }
        distinctCodes(r.wantedOccupations(), "wants.occupations", ExchangeReader.MAX_WANTED_OCCUPATIONS, false, p);
        Audit a = r.audit();
        if (a.gender() != null) {
            Values.text(a.gender(), "audit.gender", p, ExchangeReader.MAX_GENDER, false);
        }
        if (a.birthYear() != null) {
            Values.integer(a.birthYear(), "audit.birthYear", p, ExchangeReader.MIN_BIRTH_YEAR, reader.maxBirthYear(), "");
        }
        if (a.countryOfOrigin() != null) {
            ExchangeReader.country(a.countryOfOrigin(), "audit.countryOfOrigin", p);
        }
        return p.toList();
    }

    List<Problem> vacancy(Vacancy r) {
        Problems p = new Problems();
        Values.id(r.id(), "id", p);
        if (r.title() != null) {
            Values.text(r.title(), "title", p, ExchangeReader.MAX_TITLE, false);
        }
        if (r.description() != null) {
            Values.text(r.description(), "description", p, ExchangeReader.MAX_DESCRIPTION, true);
        }
        if (r.employer() != null) {
            Values.text(r.employer(), "employer", p, ExchangeReader.MAX_EMPLOYER, false);
        }
        if (r.occupation() != null) {
            Values.id(r.occupation(), "occupation", p);
        }
        if (r.location() != null) {
            location(r.location(), p);
        }
        Values.count(r.skills().size(), "skills", p, ExchangeReader.MAX_SKILLS);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < Math.min(r.skills().size(), ExchangeReader.MAX_SKILLS); i++) {
            SkillRequirement s = r.skills().get(i);
            skillId(s.id(), i, seen, p);
        }
        if (r.positions() != 1) {   // one position is the default, left out of the JSON
            Values.integer(r.positions(), "positions", p, 1, ExchangeReader.MAX_POSITIONS, "");
        }
        LocalDate from = r.openFrom() == null ? null : Values.date(r.openFrom().toString(), "openFrom", p);
        LocalDate until = r.openUntil() == null ? null : Values.date(r.openUntil().toString(), "openUntil", p);
        if (from != null && until != null && until.isBefore(from)) {
            ExchangeReader.closesBeforeItOpens(from, until, p);
        }
        return p.toList();
    }

    private static void skillId(String id, int i, Map<String, Integer> seen, Problems p) {
        String at = Problems.field(Problems.index("skills", i), "id");
        if (Values.id(id, at, p) != null) {
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                ExchangeReader.duplicate(at, Values.quote(id), "skills", first, p);
            }
        }
    }

    /** Language codes or occupation ids, each at most once. */
    private static void distinctCodes(List<String> values, String path, int max, boolean languages, Problems p) {
        Values.count(values.size(), path, p, max);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < Math.min(values.size(), max); i++) {
            String at = Problems.index(path, i);
            String v = values.get(i);
            String ok = languages ? ExchangeReader.language(v, at, p) : Values.id(v, at, p);
            if (ok != null) {
                Integer first = seen.putIfAbsent(ok, i);
                if (first != null) {
                    ExchangeReader.duplicate(at, Values.quote(ok), path, first, p);
                }
            }
        }
    }

    private void location(Location l, Problems p) {
        if (l.municipality() != null) {
            reader.municipality(l.municipality(), "location.municipality", p);
        } else if (l.postcode() != null) {
            reader.postcode(l.postcode(), "location.postcode", p);
        } else {
            coordinate(l.lat(), "lat", ExchangeReader.MIN_LAT, ExchangeReader.MAX_LAT, p);
            coordinate(l.lon(), "lon", ExchangeReader.MIN_LON, ExchangeReader.MAX_LON, p);
        }
    }

    private static void coordinate(double d, String axis, double min, double max, Problems p) {
        String path = "location." + axis;
        if (!Double.isFinite(d)) {
            nonFinite(d, path, p);
            return;
        }
        ExchangeReader.inTheNetherlands(d, Double.toString(d), path, axis, min, max, p);
    }

    /** Years as the writer puts them: a whole number as a long, any other as a double. */
    private static void years(double years, String path, Problems p) {
        if (years == Math.rint(years)) {   // infinities too: they become Long.MIN_VALUE or MAX_VALUE
            long whole = (long) years;
            Values.number((double) whole, Long.toString(whole), path, p, 0, ExchangeReader.MAX_YEARS, " years");
        } else if (Double.isNaN(years)) {
            nonFinite(years, path, p);
        } else {
            Values.number(years, Double.toString(years), path, p, 0, ExchangeReader.MAX_YEARS, " years");
        }
    }

    /** JSON has no NaN or infinity: the writer quotes them ("NaN"), so the reader finds a string. */
    private static void nonFinite(double d, String path, Problems p) {
        String text = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        p.add(path, "expected a number, got a string (" + Values.quote(text) + ")");
    }
}
