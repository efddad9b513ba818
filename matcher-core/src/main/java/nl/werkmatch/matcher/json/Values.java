package nl.werkmatch.matcher.json;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed reads of JSON tree values. Each check reports what is wrong at the given path and returns
 * {@code null}, so that a caller goes on and finds the object's other problems too.
 */
final class Values {
    static final int MAX_ID_LENGTH = 128;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]{0,63}");
    private static final int QUOTE_LIMIT = 60;
    /** Class.getEnumConstants copies the array on every call; this shares one per enum (never written). */
    private static final ClassValue<Object[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return type.getEnumConstants();
        }
    };

    private Values() {
    }

    /** The value of a field, or {@code null} when it is absent or JSON null (both mean "not given"). */
    static JsonNode field(ObjectNode object, String name) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** An object whose field names are all among {@code allowed}; unknown names are reported, with the allowed ones. */
    static ObjectNode object(JsonNode v, String path, Problems p, Collection<String> allowed) {
        if (!v.isObject()) {
            p.add(path, "expected " + (path.isEmpty() ? "a JSON object" : "an object") + ", got " + describe(v));
            return null;
        }
        ObjectNode o = (ObjectNode) v;
        for (String name : (Iterable<String>) o::fieldNames) {
            if (!allowed.contains(name)) {
                String hint = allowed.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst()
                        .map(a -> " (did you mean " + a + "?)").orElse("");
                p.add(Problems.field(path, pathName(name)), "unknown field" + hint + "; allowed: " + String.join(", ", allowed));
            }
        }
        return o;
    }

    /** An array; when longer than {@code max} the excess is reported and the caller should read only the first {@code max}. */
    static ArrayNode array(JsonNode v, String path, Problems p, int max) {
        if (!v.isArray()) {
            p.add(path, "expected an array, got " + describe(v));
            return null;
        }
        count(v.size(), path, p, max);
        return (ArrayNode) v;
    }

    /** Reports a list longer than {@code max}; its first {@code max} entries are still checked. */
    static void count(int size, String path, Problems p, int max) {
        if (size > max) {
            p.add(path, size + " entries, more than the limit of " + max);
        }
    }

    static String text(JsonNode v, String path, Problems p) {
        if (!v.isTextual()) {
            p.add(path, "expected a string, got " + describe(v));
            return null;
        }
        return v.textValue();
    }

    /** Free text of at most {@code maxLength} characters; line breaks and tabs only where {@code multiLine}. */
    static String text(JsonNode v, String path, Problems p, int maxLength, boolean multiLine) {
        String s = text(v, path, p);
        return s == null ? null : text(s, path, p, maxLength, multiLine);
    }

    /** {@link #text(JsonNode, String, Problems, int, boolean)} of a string already read. */
    static String text(String s, String path, Problems p, int maxLength, boolean multiLine) {
        boolean ok = withinLength(s, path, p, maxLength);
        int bad = -1;
        // Every ISO control character is a single char (U+0000-U+001F, U+007F-U+009F): no code point decoding.
        for (int i = 0; i < s.length() && bad < 0; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                bad = c;
            }
        }
        if (bad >= 0) {
            p.add(path, "contains the control character " + codePoint(bad) + (multiLine ? "" : "; this text is one line"));
            ok = false;
        }
        return ok ? s : null;
    }

    /** An id: 1 to 128 characters, not blank, no control characters, no spaces around it. */
    static String id(JsonNode v, String path, Problems p) {
        String s = text(v, path, p);
        return s == null ? null : id(s, path, p);
    }

    /** {@link #id(JsonNode, String, Problems)} of a string already read. */
    static String id(String s, String path, Problems p) {
        if (s.isBlank()) {
            p.add(path, "is blank; an id needs 1 to " + MAX_ID_LENGTH + " characters");
            return null;
        }
        boolean ok = withinLength(s, path, p, MAX_ID_LENGTH);
        int bad = firstControl(s);
        if (bad >= 0) {
            p.add(path, "contains the control character " + codePoint(bad) + "; ids may not");
            ok = false;
        } else if (!s.strip().equals(s)) {
            // " p-1" and "p-1" would be two different ids that look the same to every person.
            p.add(path, quote(s) + " starts or ends with a space; ids may not");
            ok = false;
        }
        return ok ? s : null;
    }

    /** The first ISO control character, or -1; each is a single char, so no code point decoding is needed. */
    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return c;
            }
        }
        return -1;
    }

    /** A whole number in {@code [min, max]}; {@code unit} (may be empty) makes the message readable. */
    static Integer integer(JsonNode v, String path, Problems p, int min, int max, String unit) {
        if (!v.isNumber()) {
            p.add(path, "expected a whole number, got " + describe(v));
            return null;
        }
        if (!v.isIntegralNumber() && !Double.isFinite(v.doubleValue())) {
            p.add(path, "the number is too large to use");
            return null;
        }
        // 16.0 is a whole number, even if some producer writes it that way.
        if (!v.isIntegralNumber() && v.doubleValue() != Math.rint(v.doubleValue())) {
            p.add(path, "expected a whole number, got " + v.asText());
            return null;
        }
        if (!inRange(v.decimalValue().doubleValue(), min, max, path, p, v.asText(), unit)) {
            return null;
        }
        return v.intValue();
    }

    /** {@link #integer(JsonNode, String, Problems, int, int, String)} of an int already read. */
    static Integer integer(int value, String path, Problems p, int min, int max, String unit) {
        return inRange(value, min, max, path, p, Integer.toString(value), unit) ? value : null;
    }

    /** {@link #number(JsonNode, String, Problems, double, double, String)} of a finite number already read. */
    static Double number(double d, String shown, String path, Problems p, double min, double max, String unit) {
        return inRange(d, min, max, path, p, shown, unit) ? d : null;
    }

    /** A finite number in {@code [min, max]}. */
    static Double number(JsonNode v, String path, Problems p, double min, double max, String unit) {
        if (!v.isNumber()) {
            p.add(path, "expected a number, got " + describe(v));
            return null;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            // 1e999 parses to infinity; there is no range worth naming for it.
            p.add(path, "the number is too large to use");
            return null;
        }
        return number(d, v.asText(), path, p, min, max, unit);
    }

    static Boolean bool(JsonNode v, String path, Problems p) {
        if (!v.isBoolean()) {
            p.add(path, "expected true or false, got " + describe(v));
            return null;
        }
        return v.booleanValue();
    }

    /** An enum value by its exact (case-sensitive) name. */
    static <E extends Enum<E>> E enumValue(JsonNode v, String path, Problems p, Class<E> type, String what) {
        String s = text(v, path, p);
        if (s == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        E[] constants = (E[]) CONSTANTS.get(type);
        for (E e : constants) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        String allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        String hint = Arrays.stream(constants).filter(e -> e.name().equals(s.strip().toUpperCase(Locale.ROOT)))
                .findFirst().map(e -> " (did you mean " + e.name() + "?)").orElse("");
        p.add(path, quote(s) + " is not " + what + hint + "; allowed: " + allowed);
        return null;
    }

    /** An ISO date, yyyy-MM-dd. */
    static LocalDate date(JsonNode v, String path, Problems p) {
        String s = text(v, path, p);
        return s == null ? null : date(s, path, p);
    }

    /** {@link #date(JsonNode, String, Problems)} of a string already read. */
    static LocalDate date(String s, String path, Problems p) {
        if (DATE.matcher(s).matches()) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                // falls through to the one message for every unreadable date
            }
        }
        p.add(path, quote(s) + " is not a valid date; use yyyy-MM-dd, e.g. 2026-12-01");
        return null;
    }

    /** A string as a person would type it in JSON, cut short when long. */
    static String quote(String s) {
        String shown = s.codePointCount(0, s.length()) > QUOTE_LIMIT
                ? s.substring(0, s.offsetByCodePoints(0, QUOTE_LIMIT)) + "..."
                : s;
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
    }

    /** What a JSON value is, for "expected X, got Y". */
    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "a string (" + quote(v.textValue()) + ")";
        } else if (v.isNumber()) {
            return "a number (" + v.asText() + ")";
        } else if (v.isBoolean()) {
            return "a boolean (" + v.asText() + ")";
        } else if (v.isNull()) {
            return "null";
        } else if (v.isArray()) {
            return "an array";
        } else if (v.isObject()) {
            return "an object";
        }
        return "nothing";
    }

    /** A field name as a path segment; odd names are quoted so that the path stays readable. */
    private static String pathName(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "[" + quote(name) + "]";
    }

    private static boolean withinLength(String s, String path, Problems p, int maxLength) {
        int length = s.codePointCount(0, s.length());
        if (length > maxLength) {
            p.add(path, length + " characters, more than the limit of " + maxLength);
            return false;
        }
        return true;
    }

    private static boolean inRange(double d, double min, double max, String path, Problems p, String shown, String unit) {
        if (d < min) {
            p.add(path, shown + " is below the minimum " + format(min) + unit + " (allowed " + format(min) + "-" + format(max) + unit + ")");
            return false;
        }
        if (d > max) {
            p.add(path, shown + " is above the maximum " + format(max) + unit + " (allowed " + format(min) + "-" + format(max) + unit + ")");
            return false;
        }
        return true;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String codePoint(int c) {
        return "U+" + HexFormat.of().withUpperCase().toHexDigits((short) c);
    }
}
