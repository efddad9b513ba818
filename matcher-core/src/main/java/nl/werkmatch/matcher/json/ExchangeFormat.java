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

    private ExchangeFormat(LocationCheck check, Clock clock) {
        this.reader = new ExchangeReader(check, clock);
    }

    /** A format that checks the shape of municipality codes and postcodes but not whether they exist. */
    public static ExchangeFormat create() {
        return new ExchangeFormat(null, Clock.systemDefaultZone());
    }

    /** A format that also asks {@code check} whether each municipality code and postcode exists. */
    public static ExchangeFormat create(LocationCheck check) {
        return new ExchangeFormat(Objects.requireNonNull(check, "check"), Clock.systemDefaultZone());
    }

    /** For tests: the clock gives the current year, the upper bound of {@code audit.birthYear}. */
    static ExchangeFormat create(LocationCheck check, Clock clock) {
        return new ExchangeFormat(check, clock);
    }

    /** @throws InvalidInputException listing every problem, when the text is not a valid profile */
    public Profile readProfile(String json) {
        return reader.profile(parse(json));
    }

    /** @throws InvalidInputException listing every problem, when the tree is not a valid profile */
    public Profile readProfile(JsonNode json) {
        return reader.profile(Objects.requireNonNull(json, "json"));
    }

    /** @throws InvalidInputException listing every problem, when the text is not a valid vacancy */
    public Vacancy readVacancy(String json) {
        return reader.vacancy(parse(json));
    }

    /** @throws InvalidInputException listing every problem, when the tree is not a valid vacancy */
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
     * A record written for storage, with every problem found reading that text back.
     *
     * @param json     exactly {@link #writeProfile} or {@link #writeVacancy}
     * @param problems what {@link #readProfile(String)} or {@link #readVacancy(String)} of {@code json} reports;
     *                 empty when it reads back
     */
    public record RoundTrip(String json, List<Problem> problems) {
    }

    /** {@link #writeProfile}, then the problems of reading it back: one tree for both, no parsing. */
    public RoundTrip roundTrip(Profile profile) {
        ObjectNode tree = toJson(profile);
        String json = write(tree);
        return new RoundTrip(json, problems(() -> reader.profile(readable(tree, json))));
    }

    /** {@link #writeVacancy}, then the problems of reading it back: one tree for both, no parsing. */
    public RoundTrip roundTrip(Vacancy vacancy) {
        ObjectNode tree = toJson(vacancy);
        String json = write(tree);
        return new RoundTrip(json, problems(() -> reader.vacancy(readable(tree, json))));
    }

    /**
     * The tree to validate for the text written from it. Parsing that text gives a tree the reader cannot tell
     * apart from the written one: the same names in the same order, the same strings, booleans and number
     * values (a whole number may come back as an int node where a long node was written; the reader asks
     * only for values and text, which agree). The exception is a non-finite double, which the text holds as a
     * string such as "NaN": then the text is parsed.
     */
    private static JsonNode readable(ObjectNode tree, String json) {
        return allFinite(tree) ? tree : parse(json);
    }

    private static boolean allFinite(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!allFinite(child)) {
                    return false;
                }
            }
            return true;
        }
        return !node.isFloatingPointNumber() || Double.isFinite(node.doubleValue());
    }

    private static List<Problem> problems(Runnable read) {
        try {
            read.run();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
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
