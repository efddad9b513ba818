package nl.werkmatch.matcher.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.json.JsonLinesReader;

/**
 * Reads and writes outcomes files: JSON Lines, one outcome per line,
 * {@code {"profile":"p-7","vacancy":"v-3","outcome":"HIRED","date":"2026-05-14"}} with {@code outcome} one of
 * HIRED, INTERVIEWED, PROPOSED, REJECTED (graded relevance 3, 2, 1, 0) and {@code date} optional (yyyy-MM-dd).
 *
 * <p>All or nothing: a file with any bad line is refused as a whole with an {@link InvalidInputException} that
 * names every bad line with its number and field ({@code line 3: outcome: "WON" is not one of ...}), up to
 * {@link #MAX_REPORTED} of them, since an evaluation on part of a file would report figures for data nobody
 * chose. The same pair twice is a mistake too (which outcome would count?). At most {@link #MAX_OUTCOMES}
 * outcomes are read, so memory stays bounded whatever the file holds.
 */
public final class OutcomesFile {
    /** The most outcomes one file may hold (about 100 bytes of heap each). */
    public static final int MAX_OUTCOMES = 5_000_000;
    /** The most bad lines one error names; the rest are counted. */
    public static final int MAX_REPORTED = 100;

    private static final int MAX_ID_LENGTH = 128;
    private static final List<String> FIELDS = List.of("profile", "vacancy", "outcome", "date");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomesFile() {
    }

    /** Reads an outcomes file; see the class comment for what is refused. */
    public static List<Outcome> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads an outcomes stream to its end; does not close it. */
    public static List<Outcome> read(InputStream in) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        long[] badLines = {0};
        JsonLinesReader.read(in, OutcomesFile::parse, JsonLinesReader.Mode.LENIENT, line -> {
            List<Problem> lineProblems = line.problems();
            if (line.ok()) {
                Outcome o = line.value();
                Long before = firstLine.putIfAbsent(o.profile() + '\u0000' + o.vacancy(), line.number());
                if (before != null) {
                    lineProblems = List.of(new Problem("", "the same profile and vacancy as line " + before
                            + "; keep one outcome per pair (the last one that happened)"));
                } else if (outcomes.size() >= MAX_OUTCOMES) {
                    lineProblems = List.of(new Problem("", "more than " + MAX_OUTCOMES + " outcomes; split the file"));
                } else {
                    outcomes.add(o);
                }
            }
            if (!lineProblems.isEmpty()) {
                badLines[0]++;
                for (Problem p : lineProblems) {
                    if (problems.size() < MAX_REPORTED) {
                        problems.add(new Problem("line " + line.number() + (p.path().isEmpty() ? "" : ": " + p.path()),
                                p.message()));
                    }
                }
            }
        });
        if (badLines[0] > 0) {
            if (problems.size() == MAX_REPORTED) {
                problems.add(new Problem("", "(only the first " + MAX_REPORTED + " problems are listed; " + badLines[0]
                        + " lines are bad)"));
            }
            throw new InvalidInputException(problems);
        }
        if (outcomes.isEmpty()) {
            throw new InvalidInputException("", "the outcomes file holds no outcomes");
        }
        return List.copyOf(outcomes);
    }

    /** One outcome as a line of an outcomes file (without the newline). */
    public static String toJsonLine(Outcome o) {
        ObjectNode node = JSON.createObjectNode();
        node.put("profile", o.profile());
        node.put("vacancy", o.vacancy());
        node.put("outcome", o.outcome().name());
        if (o.date() != null) {
            node.put("date", o.date().toString());
        }
        return node.toString();
    }

    /** Writes outcomes as JSON Lines, one per line. */
    public static void write(List<Outcome> outcomes, Writer out) throws IOException {
        for (Outcome o : outcomes) {
            out.write(toJsonLine(o));
            out.write('\n');
        }
    }

    /** Parses one line; throws InvalidInputException with every problem of the line. */
    static Outcome parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("", "must be a JSON object with fields " + String.join(", ", FIELDS));
        }
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Problem(name, "unknown field; the known ones are " + String.join(", ", FIELDS)));
            }
        }
        String profile = id(node, "profile", problems);
        String vacancy = id(node, "vacancy", problems);
        OutcomeKind kind = null;
        JsonNode k = node.get("outcome");
        String kinds = Arrays.stream(OutcomeKind.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (k == null || k.isNull()) {
            problems.add(new Problem("outcome", "missing; one of " + kinds));
        } else if (!k.isTextual()) {
            problems.add(new Problem("outcome", "must be a string, one of " + kinds + ", got " + k));
        } else {
            try {
                kind = OutcomeKind.valueOf(k.textValue());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("outcome", quote(k.textValue()) + " is not one of " + kinds));
            }
        }
        LocalDate date = null;
        JsonNode d = node.get("date");
        if (d != null && !d.isNull()) {
            String s = d.isTextual() ? d.textValue() : null;
            if (s != null && DATE.matcher(s).matches()) {
                try {
                    date = LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    s = null;
                }
            } else {
                s = null;
            }
            if (s == null) {
                problems.add(new Problem("date", (d.isTextual() ? quote(d.textValue()) : d.toString())
                        + " is not a valid date; use yyyy-MM-dd, e.g. 2026-05-14"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Outcome(profile, vacancy, kind, date);
    }

    private static String id(JsonNode node, String field, List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problems.add(new Problem(field, "missing; the id of the " + field));
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(field, "must be a string (an id), got " + v));
            return null;
        }
        String s = v.textValue();
        if (s.isBlank() || s.length() > MAX_ID_LENGTH || !s.strip().equals(s)) {
            problems.add(new Problem(field, quote(s) + " is not an id: 1 to " + MAX_ID_LENGTH
                    + " characters, no spaces around it"));
            return null;
        }
        return s;
    }

    private static String quote(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return '"' + cut + '"';
    }
}
