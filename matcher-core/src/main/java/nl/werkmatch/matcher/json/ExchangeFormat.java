package nl.werkmatch.matcher.json;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Exchange format v1: reads profiles and vacancies from JSON, validating every field, and writes them back.
 *
 * <p>Reading parses the text to a tree and checks it field by field, so an {@link InvalidInputException} lists
 * every problem of the object, each at its JSON path ({@code skills[2].id}, {@code dutch.speaking},
 * {@code hours.min}); a problem with the whole text (not JSON, not an object) has the empty path.
 *
 * <p>Writing gives one compact line with the fields in the format's order; absent fields and fields equal to
 * their default (no Dutch, any hours, one position, ...) are left out, so {@code read(write(x)).equals(x)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ExchangeFormat {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // A repeated field would otherwise silently win over the first; refuse it like any other JSON error.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ExchangeReader reader;
    private final RecordCheck records;

    private ExchangeFormat(LocationCheck check, Clock clock) {
        this.reader = new ExchangeReader(check, clock);
        this.records = new RecordCheck(reader);
    }

    /** A format that checks the shape of municipality codes and postcodes but not whether they exist. */
    public static ExchangeFormat create() {
        return new ExchangeFormat(null, Clock.systemDefaultZone());
    }

    /** A format that also reports municipality codes and postcodes that {@code regions} does not know. */
    public static ExchangeFormat create(Regions regions) {
        Objects.requireNonNull(regions, "regions");
        return create(new LocationCheck() {
            @Override
            public boolean municipalityExists(String code) {
                return regions.municipality(code).isPresent();
            }

            @Override
            public boolean postcodeExists(String pc4) {
                return regions.postcode(pc4).isPresent();
            }
        });
    }

    /** A format that also asks {@code check} whether each municipality code and postcode exists. */
    static ExchangeFormat create(LocationCheck check) {
        return new ExchangeFormat(Objects.requireNonNull(check, "check"), Clock.systemDefaultZone());
    }

    /** For tests: the clock gives the current year, the upper bound of {@code audit.birthYear}. */
    static ExchangeFormat create(LocationCheck check, Clock clock) {
        return new ExchangeFormat(check, clock);
    }

    /**
     * Reads a profile from JSON text.
     *
     * @throws InvalidInputException listing every problem, when the text is not a valid profile
     */
    public Profile readProfile(String json) {
        return reader.profile(parse(json));
    }

    /**
     * Reads a profile from a JSON tree.
     *
     * @throws InvalidInputException listing every problem, when the tree is not a valid profile
     */
    public Profile readProfile(JsonNode json) {
        return reader.profile(Objects.requireNonNull(json, "json"));
    }

    /**
     * Reads a vacancy from JSON text.
     *
     * @throws InvalidInputException listing every problem, when the text is not a valid vacancy
     */
    public Vacancy readVacancy(String json) {
        return reader.vacancy(parse(json));
    }

    /**
     * Reads a vacancy from a JSON tree.
     *
     * @throws InvalidInputException listing every problem, when the tree is not a valid vacancy
     */
    public Vacancy readVacancy(JsonNode json) {
        return reader.vacancy(Objects.requireNonNull(json, "json"));
    }

    /** The profile as a new, mutable tree. */
    public ObjectNode toJson(Profile profile) {
        return ExchangeWriter.profile(Objects.requireNonNull(profile, "profile"));
    }

    /** The vacancy as a new, mutable tree. */
    public ObjectNode toJson(Vacancy vacancy) {
        return ExchangeWriter.vacancy(Objects.requireNonNull(vacancy, "vacancy"));
    }

    /** The profile as one line of compact JSON, fit for a {@code .jsonl} file. */
    public String writeProfile(Profile profile) {
        return write(toJson(profile));
    }

    /** The vacancy as one line of compact JSON, fit for a {@code .jsonl} file. */
    public String writeVacancy(Vacancy vacancy) {
        return write(toJson(vacancy));
    }

    /**
     * Every problem {@link #readProfile(String)} would report for the JSON {@link #writeProfile} gives of this
     * profile, with the same paths and messages, found on the record itself (no JSON is written or read); empty when
     * it reads back. A record's constructor already refuses what no JSON could hold (a missing id, hours out of
     * range), so what is left are the format's limits: ids, text, ranges, list sizes, codes, places.
     */
    public List<Problem> check(Profile profile) {
        return records.profile(Objects.requireNonNull(profile, "profile"));
    }

    /** Every problem {@link #readVacancy(String)} would report for this vacancy's JSON; see {@link #check(Profile)}. */
    public List<Problem> check(Vacancy vacancy) {
        return records.vacancy(Objects.requireNonNull(vacancy, "vacancy"));
    }

    /** Parses JSON text to a tree; syntax errors become a problem with the empty path, naming line and column. */
    static JsonNode parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", syntaxMessage(e));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidInputException("", "no JSON value in the text; expected a JSON object");
        }
        return tree;
    }

    private static String syntaxMessage(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof JsonEOFException) {
            return "invalid JSON" + where + ": the text ends before the JSON value is complete (cut off?)";
        }
        String detail = e.getOriginalMessage();
        int cut = detail.indexOf('\n');
        return "invalid JSON" + where + ": " + (cut < 0 ? detail : detail.substring(0, cut));
    }

    private static String write(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always serializes; this would be a Jackson bug.
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}
