package nl.werkmatch.matcher.json;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Education;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.InburgeringRoute;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Support;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;

/**
 * Reads and validates exchange format v1 objects from a JSON tree. Every field is checked on its own so that
 * one pass reports all of an object's problems; the model is built only when there are none.
 */
final class ExchangeReader {
    static final List<String> PROFILE_FIELDS = List.of("id", "workAuthorization", "location", "maxTravelKm", "skills",
            "experience", "dutch", "english", "otherLanguages", "education", "inburgeringRoute", "hours",
            "availableFrom", "jobTypes", "wants", "audit");
    static final List<String> VACANCY_FIELDS = List.of("id", "title", "description", "employer", "occupation",
            "location", "remote", "skills", "dutch", "englishAccepted", "languageSupport", "educationLevel", "jobType",
            "hours", "positions", "permitSponsored", "openFrom", "openUntil", "support");
    static final List<String> LOCATION_FIELDS = List.of("municipality", "postcode", "lat", "lon");
    static final List<String> DUTCH_FIELDS = List.of("listening", "reading", "speaking", "writing");
    static final List<String> HOURS_FIELDS = List.of("min", "max");
    static final List<String> CLAIM_FIELDS = List.of("id", "evidence");
    static final List<String> REQUIREMENT_FIELDS = List.of("id", "importance");
    static final List<String> EXPERIENCE_FIELDS = List.of("occupation", "years");
    static final List<String> EDUCATION_FIELDS = List.of("level", "recognized");
    static final List<String> WANTS_FIELDS = List.of("occupations");
    static final List<String> AUDIT_FIELDS = List.of("gender", "birthYear", "countryOfOrigin");

    static final int MAX_SKILLS = 200;
    static final int MAX_EXPERIENCE = 50;
    static final int MAX_OTHER_LANGUAGES = 20;
    static final int MAX_WANTED_OCCUPATIONS = 50;
    static final int MAX_JOB_TYPES = JobType.values().length;
    static final int MAX_TRAVEL_KM = 300;
    static final int MAX_YEARS = 60;
    static final int MAX_POSITIONS = 10_000;
    static final int MIN_BIRTH_YEAR = 1900;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_EMPLOYER = 200;
    static final int MAX_GENDER = 50;

    // The Netherlands' bounding box, with a little sea and border around it.
    static final double MIN_LAT = 50.70;
    static final double MAX_LAT = 53.60;
    static final double MIN_LON = 3.30;
    static final double MAX_LON = 7.25;

    private static final Pattern MUNICIPALITY = Pattern.compile("GM\\d{4}");
    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2,3}");
    private static final String CEFR = "a CEFR level";

    private final LocationCheck check;
    private final Clock clock;

    /** @param check whether places exist, or {@code null} to check only the shape of codes */
    ExchangeReader(LocationCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    Profile profile(JsonNode root) {
        Problems p = new Problems();
        ObjectNode o = Values.object(root, "", p, PROFILE_FIELDS);
        if (o == null) {
            throw new InvalidInputException(p.toList());
        }
        String id = required(o, "id", "", p, "every profile needs an id", (v, path) -> Values.id(v, path, p));
        WorkAuthorization auth = required(o, "workAuthorization", "", p,
                "say whether the person may work: FREE, PERMIT_REQUIRED or NOT_ALLOWED",
                (v, path) -> Values.enumValue(v, path, p, WorkAuthorization.class, "a work authorization"));
        Location location = required(o, "location", "", p,
                "a profile needs a location: a municipality, postcode or lat/lon", (v, path) -> location(v, path, p));
        Integer maxTravelKm = optional(o, "maxTravelKm", "",
                (v, path) -> Values.integer(v, path, p, 0, MAX_TRAVEL_KM, " km"));
        List<SkillClaim> skills = skills(o, p, "evidence", CLAIM_FIELDS,
                "say how the skill is backed: DECLARED, ASSESSED, CERTIFIED or INFERRED",
                (v, path) -> Values.enumValue(v, path, p, Evidence.class, "a kind of evidence"), SkillClaim::new);
        List<Experience> experience = list(o, "experience", "", p, MAX_EXPERIENCE, (v, path) -> experience(v, path, p));
        DutchLevels dutch = optional(o, "dutch", "", (v, path) -> dutch(v, path, p));
        Cefr english = optional(o, "english", "", (v, path) -> Values.enumValue(v, path, p, Cefr.class, CEFR));
        List<String> otherLanguages = distinct(o, "otherLanguages", "", p, MAX_OTHER_LANGUAGES,
                (v, path) -> language(v, path, p));
        Education education = optional(o, "education", "", (v, path) -> education(v, path, p));
        InburgeringRoute route = optional(o, "inburgeringRoute", "",
                (v, path) -> Values.enumValue(v, path, p, InburgeringRoute.class, "an inburgering route"));
        HoursRange hours = optional(o, "hours", "", (v, path) -> hours(v, path, p));
        LocalDate availableFrom = optional(o, "availableFrom", "", (v, path) -> Values.date(v, path, p));
        List<JobType> jobTypes = distinct(o, "jobTypes", "", p, MAX_JOB_TYPES,
                (v, path) -> Values.enumValue(v, path, p, JobType.class, "a job type"));
        List<String> wanted = optional(o, "wants", "", (v, path) -> wants(v, path, p));
        Audit audit = optional(o, "audit", "", (v, path) -> audit(v, path, p));
        if (!p.isEmpty()) {
            throw new InvalidInputException(p.toList());
        }
        return new Profile(id, auth, location, maxTravelKm, skills, experience, dutch, english, otherLanguages,
                education, route, hours, availableFrom, jobTypes.isEmpty() ? Set.of() : EnumSet.copyOf(jobTypes),
                wanted, audit);
    }

    Vacancy vacancy(JsonNode root) {
        Problems p = new Problems();
        ObjectNode o = Values.object(root, "", p, VACANCY_FIELDS);
        if (o == null) {
            throw new InvalidInputException(p.toList());
        }
        String id = required(o, "id", "", p, "every vacancy needs an id", (v, path) -> Values.id(v, path, p));
        String title = optional(o, "title", "", (v, path) -> Values.text(v, path, p, MAX_TITLE, false));
        String description = optional(o, "description", "", (v, path) -> Values.text(v, path, p, MAX_DESCRIPTION, true));
        String employer = optional(o, "employer", "", (v, path) -> Values.text(v, path, p, MAX_EMPLOYER, false));
        String occupation = optional(o, "occupation", "", (v, path) -> Values.id(v, path, p));
        Location location = optional(o, "location", "", (v, path) -> location(v, path, p));
        Boolean remote = optional(o, "remote", "", (v, path) -> Values.bool(v, path, p));
        boolean remoteUnreadable = remote == null && Values.field(o, "remote") != null;
        if (Values.field(o, "location") == null && !Boolean.TRUE.equals(remote) && !remoteUnreadable) {
            p.add("location", "missing; a vacancy that is not remote needs a location (municipality, postcode or lat/lon)");
        }
        List<SkillRequirement> skills = skills(o, p, "importance", REQUIREMENT_FIELDS,
                "say how much the skill matters: ESSENTIAL, IMPORTANT or OPTIONAL",
                (v, path) -> Values.enumValue(v, path, p, Importance.class, "an importance"), SkillRequirement::new);
        DutchLevels dutch = optional(o, "dutch", "", (v, path) -> dutch(v, path, p));
        Cefr english = optional(o, "englishAccepted", "", (v, path) -> Values.enumValue(v, path, p, Cefr.class, CEFR));
        Boolean languageSupport = optional(o, "languageSupport", "", (v, path) -> Values.bool(v, path, p));
        EducationLevel level = optional(o, "educationLevel", "",
                (v, path) -> Values.enumValue(v, path, p, EducationLevel.class, "an education level"));
        JobType jobType = optional(o, "jobType", "", (v, path) -> Values.enumValue(v, path, p, JobType.class, "a job type"));
        HoursRange hours = optional(o, "hours", "", (v, path) -> hours(v, path, p));
        Integer positions = optional(o, "positions", "", (v, path) -> Values.integer(v, path, p, 1, MAX_POSITIONS, ""));
        Boolean permitSponsored = optional(o, "permitSponsored", "", (v, path) -> Values.bool(v, path, p));
        LocalDate openFrom = optional(o, "openFrom", "", (v, path) -> Values.date(v, path, p));
        LocalDate openUntil = optional(o, "openUntil", "", (v, path) -> Values.date(v, path, p));
        if (openFrom != null && openUntil != null && openUntil.isBefore(openFrom)) {
            closesBeforeItOpens(openFrom, openUntil, p);
        }
        List<Support> support = distinct(o, "support", "", p, Support.values().length,
                (v, path) -> Values.enumValue(v, path, p, Support.class, "a kind of support"));
        if (!p.isEmpty()) {
            throw new InvalidInputException(p.toList());
        }
        return new Vacancy(id, title, description, employer, occupation, location, Boolean.TRUE.equals(remote), skills,
                dutch, english, Boolean.TRUE.equals(languageSupport), level, jobType, hours,
                positions == null ? 1 : positions, Boolean.TRUE.equals(permitSponsored), openFrom, openUntil,
                support.isEmpty() ? Set.of() : EnumSet.copyOf(support));
    }

    static void closesBeforeItOpens(LocalDate openFrom, LocalDate openUntil, Problems p) {
        p.add("openUntil", openUntil + " is before openFrom " + openFrom + "; a vacancy cannot close before it opens");
    }

    /** Where a repeated value is reported: at its own index, naming the first. */
    static void duplicate(String at, String shown, String list, int first, Problems p) {
        p.add(at, shown + " is a duplicate of " + Problems.index(list, first));
    }

    // ---- parts -------------------------------------------------------------------------------------------------

    private Location location(JsonNode v, String path, Problems p) {
        ObjectNode o = Values.object(v, path, p, LOCATION_FIELDS);
        if (o == null) {
            return null;
        }
        JsonNode municipality = Values.field(o, "municipality");
        JsonNode postcode = Values.field(o, "postcode");
        JsonNode lat = Values.field(o, "lat");
        JsonNode lon = Values.field(o, "lon");
        List<String> given = new ArrayList<>();
        if (municipality != null) {
            given.add("municipality");
        }
        if (postcode != null) {
            given.add("postcode");
        }
        if (lat != null || lon != null) {
            given.add("lat/lon");
        }
        if (given.isEmpty()) {
            p.add(path, "empty; give exactly one of municipality (e.g. GM0363), postcode (e.g. 5611) or lat and lon");
            return null;
        }
        if (given.size() > 1) {
            p.add(path, "give exactly one of municipality, postcode or lat/lon, not " + String.join(" and ", given));
            return null;
        }
        if (municipality != null) {
            String code = municipality(municipality, Problems.field(path, "municipality"), p);
            return code == null ? null : Location.municipality(code);
        }
        if (postcode != null) {
            String pc4 = postcode(postcode, Problems.field(path, "postcode"), p);
            return pc4 == null ? null : Location.postcode(pc4);
        }
        Double la = coordinate(lat, path, "lat", MIN_LAT, MAX_LAT, p);
        Double lo = coordinate(lon, path, "lon", MIN_LON, MAX_LON, p);
        return la == null || lo == null ? null : Location.point(la, lo);
    }

    private String municipality(JsonNode v, String path, Problems p) {
        if (v.isNumber()) {
            p.add(path, "expected a string, got a number (" + v.asText() + "); a municipality code looks like \"GM0363\"");
            return null;
        }
        String code = Values.text(v, path, p);
        return code == null ? null : municipality(code, path, p);
    }

    /** A municipality code already read as a string. */
    String municipality(String code, String path, Problems p) {
        if (!MUNICIPALITY.matcher(code).matches()) {
            p.add(path, Values.quote(code) + " is not a CBS municipality code; use GM and 4 digits, e.g. GM0363");
            return null;
        }
        if (check != null && !check.municipalityExists(code)) {
            p.add(path, "unknown municipality code " + code);
            return null;
        }
        return code;
    }

    private String postcode(JsonNode v, String path, Problems p) {
        if (v.isNumber()) {
            // A leading zero or a letter pair would be lost in a number, so postcodes are strings.
            p.add(path, "expected a string, got a number (" + v.asText() + "); write the postcode in quotes, e.g. \"5611\"");
            return null;
        }
        String pc4 = Values.text(v, path, p);
        return pc4 == null ? null : postcode(pc4, path, p);
    }

    /** A postcode already read as a string. */
    String postcode(String pc4, String path, Problems p) {
        if (!POSTCODE.matcher(pc4).matches()) {
            boolean full = pc4.strip().matches("[1-9]\\d{3}\\s?[A-Za-z]{2}");
            p.add(path, Values.quote(pc4) + (full
                    ? " is a full postcode; give only its 4 digits, e.g. 5611"
                    : " is not a Dutch postcode; use its 4 digits, 1000-9999, e.g. 5611"));
            return null;
        }
        if (check != null && !check.postcodeExists(pc4)) {
            p.add(path, "unknown postcode " + pc4);
            return null;
        }
        return pc4;
    }

    private static Double coordinate(JsonNode v, String parent, String axis, double min, double max, Problems p) {
        String path = Problems.field(parent, axis);
        if (v == null) {
            p.add(path, "missing; lat and lon go together");
            return null;
        }
        Double d = Values.number(v, path, p, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "");
        return d == null ? null : inTheNetherlands(d, v.asText(), path, axis, min, max, p);
    }

    /** A finite coordinate already read; {@code shown} is how its JSON writes it. */
    static Double inTheNetherlands(double d, String shown, String path, String axis, double min, double max, Problems p) {
        if (d < min || d > max) {
            p.add(path, shown + " is outside the Netherlands; " + axis + " must be within "
                    + String.format(Locale.ROOT, "%.2f-%.2f", min, max));
            return null;
        }
        return d;
    }

    private static <E extends Enum<E>, T> List<T> skills(ObjectNode o, Problems p, String kindField, List<String> fields,
                                                         String kindHint, BiFunction<JsonNode, String, E> kind,
                                                         BiFunction<String, E, T> make) {
        List<T> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        ArrayNode a = array(o, "skills", "skills", p, MAX_SKILLS);
        for (int i = 0; a != null && i < Math.min(a.size(), MAX_SKILLS); i++) {
            String path = Problems.index("skills", i);
            ObjectNode s = Values.object(a.get(i), path, p, fields);
            if (s == null) {
                continue;
            }
            String id = required(s, "id", path, p, "every skill needs its taxonomy id", (v, at) -> Values.id(v, at, p));
            E k = required(s, kindField, path, p, kindHint, kind);
            if (id != null) {
                Integer first = seen.putIfAbsent(id, i);
                if (first != null) {
                    duplicate(Problems.field(path, "id"), Values.quote(id), "skills", first, p);
                    continue;
                }
            }
            if (id != null && k != null) {
                out.add(make.apply(id, k));
            }
        }
        return out;
    }

    private static Experience experience(JsonNode v, String path, Problems p) {
        ObjectNode o = Values.object(v, path, p, EXPERIENCE_FIELDS);
        if (o == null) {
            return null;
        }
        String occupation = required(o, "occupation", path, p, "give the occupation's taxonomy id",
                (x, at) -> Values.id(x, at, p));
        Double years = required(o, "years", path, p, "give the years of experience (0-" + MAX_YEARS + ")",
                (x, at) -> Values.number(x, at, p, 0, MAX_YEARS, " years"));
        return occupation == null || years == null ? null : new Experience(occupation, years);
    }

    private static DutchLevels dutch(JsonNode v, String path, Problems p) {
        ObjectNode o = Values.object(v, path, p, DUTCH_FIELDS);
        if (o == null) {
            return null;
        }
        // A skill left out means no command of it (profile) or no requirement (vacancy).
        Cefr[] levels = new Cefr[LanguageSkill.values().length];
        for (LanguageSkill skill : LanguageSkill.values()) {
            Cefr level = optional(o, skill.fieldName(), path, (x, at) -> Values.enumValue(x, at, p, Cefr.class, CEFR));
            levels[skill.ordinal()] = level == null ? Cefr.NONE : level;
        }
        return new DutchLevels(levels[LanguageSkill.LISTENING.ordinal()], levels[LanguageSkill.READING.ordinal()],
                levels[LanguageSkill.SPEAKING.ordinal()], levels[LanguageSkill.WRITING.ordinal()]);
    }

    private static HoursRange hours(JsonNode v, String path, Problems p) {
        ObjectNode o = Values.object(v, path, p, HOURS_FIELDS);
        if (o == null) {
            return null;
        }
        String hint = "give both min and max hours a week (0-" + HoursRange.MAX_HOURS + ")";
        Integer min = required(o, "min", path, p, hint, (x, at) -> Values.integer(x, at, p, 0, HoursRange.MAX_HOURS, " hours"));
        Integer max = required(o, "max", path, p, hint, (x, at) -> Values.integer(x, at, p, 0, HoursRange.MAX_HOURS, " hours"));
        if (min == null || max == null) {
            return null;
        }
        if (min > max) {
            p.add(Problems.field(path, "min"), min + " is more than " + Problems.field(path, "max") + " " + max
                    + "; min may not exceed max");
            return null;
        }
        return new HoursRange(min, max);
    }

    private static Education education(JsonNode v, String path, Problems p) {
        ObjectNode o = Values.object(v, path, p, EDUCATION_FIELDS);
        if (o == null) {
            return null;
        }
        EducationLevel level = required(o, "level", path, p, "give the education level, e.g. MBO2",
                (x, at) -> Values.enumValue(x, at, p, EducationLevel.class, "an education level"));
        Boolean recognized = optional(o, "recognized", path, (x, at) -> Values.bool(x, at, p));
        return level == null ? null : new Education(level, Boolean.TRUE.equals(recognized));
    }

    private static List<String> wants(JsonNode v, String path, Problems p) {
        ObjectNode o = Values.object(v, path, p, WANTS_FIELDS);
        if (o == null) {
            return null;
        }
        return distinct(o, "occupations", path, p, MAX_WANTED_OCCUPATIONS, (x, at) -> Values.id(x, at, p));
    }

    private Audit audit(JsonNode v, String path, Problems p) {
        ObjectNode o = Values.object(v, path, p, AUDIT_FIELDS);
        if (o == null) {
            return null;
        }
        String gender = optional(o, "gender", path, (x, at) -> Values.text(x, at, p, MAX_GENDER, false));
        Integer birthYear = optional(o, "birthYear", path,
                (x, at) -> Values.integer(x, at, p, MIN_BIRTH_YEAR, maxBirthYear(), ""));
        String country = optional(o, "countryOfOrigin", path, (x, at) -> {
            String c = Values.text(x, at, p);
            return c == null ? null : country(c, at, p);
        });
        return new Audit(gender, birthYear, country);
    }

    int maxBirthYear() {
        return Year.now(clock).getValue();
    }

    /** A country code already read as a string. */
    static String country(String c, String path, Problems p) {
        if (!COUNTRY.matcher(c).matches()) {
            p.add(path, Values.quote(c) + " is not an ISO 3166 country code; use 2 or 3 capital letters, e.g. SY");
            return null;
        }
        return c;
    }

    private static String language(JsonNode v, String path, Problems p) {
        String code = Values.text(v, path, p);
        return code == null ? null : language(code, path, p);
    }

    /** A language code already read as a string. */
    static String language(String code, String path, Problems p) {
        if (!LANGUAGE.matcher(code).matches()) {
            p.add(path, Values.quote(code) + " is not an ISO 639 language code; use 2 or 3 lowercase letters, e.g. ar, ti");
            return null;
        }
        return code;
    }

    // ---- fields and lists --------------------------------------------------------------------------------------

    private static <T> T required(ObjectNode o, String name, String parent, Problems p, String hint,
                                  BiFunction<JsonNode, String, T> read) {
        String path = Problems.field(parent, name);
        JsonNode v = Values.field(o, name);
        if (v == null) {
            p.add(path, "missing; " + hint);
            return null;
        }
        return read.apply(v, path);
    }

    private static <T> T optional(ObjectNode o, String name, String parent, BiFunction<JsonNode, String, T> read) {
        JsonNode v = Values.field(o, name);
        return v == null ? null : read.apply(v, Problems.field(parent, name));
    }

    private static ArrayNode array(ObjectNode o, String name, String path, Problems p, int max) {
        JsonNode v = Values.field(o, name);
        return v == null ? null : Values.array(v, path, p, max);
    }

    /** The readable elements of a list of at most {@code max}; an unreadable element is reported and left out. */
    private static <T> List<T> list(ObjectNode o, String name, String parent, Problems p, int max,
                                    BiFunction<JsonNode, String, T> element) {
        String path = Problems.field(parent, name);
        ArrayNode a = array(o, name, path, p, max);
        List<T> out = new ArrayList<>();
        for (int i = 0; a != null && i < Math.min(a.size(), max); i++) {
            T t = element.apply(a.get(i), Problems.index(path, i));
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Like {@link #list}, and each value may appear once: a repeat is reported at its own index. */
    private static <T> List<T> distinct(ObjectNode o, String name, String parent, Problems p, int max,
                                        BiFunction<JsonNode, String, T> element) {
        String path = Problems.field(parent, name);
        ArrayNode a = array(o, name, path, p, max);
        List<T> out = new ArrayList<>();
        Map<T, Integer> seen = new HashMap<>();
        for (int i = 0; a != null && i < Math.min(a.size(), max); i++) {
            String at = Problems.index(path, i);
            T t = element.apply(a.get(i), at);
            if (t == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(t, i);
            if (first != null) {
                String shown = t instanceof String s ? Values.quote(s) : t.toString();
                duplicate(at, shown, path, first, p);
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
