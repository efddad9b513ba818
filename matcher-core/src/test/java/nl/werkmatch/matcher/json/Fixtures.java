package nl.werkmatch.matcher.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;

/** JSON written with single quotes for readability, and the problems a read reports. */
final class Fixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String PROFILE = "{'id':'p-1','workAuthorization':'FREE','location':{'municipality':'GM0363'}}";
    static final String VACANCY = "{'id':'v-1','location':{'postcode':'5611'}}";

    private Fixtures() {
    }

    /** Single quotes to double quotes; the fixtures contain no apostrophes. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static ObjectNode tree(String singleQuoted) {
        try {
            return (ObjectNode) MAPPER.readTree(json(singleQuoted));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code base} with one field set to the given JSON value, or removed when {@code value} is null. */
    static String with(String base, String field, String value) {
        ObjectNode o = tree(base);
        if (value == null) {
            o.remove(field);
        } else {
            JsonNode v = tree("{'v':" + value + "}").get("v");
            o.set(field, v);
        }
        return o.toString();
    }

    static List<Problem> problems(ThrowingRead read) {
        AtomicReference<List<Problem>> out = new AtomicReference<>();
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidInputException.class, e -> out.set(e.problems()));
        return out.get();
    }

    @FunctionalInterface
    interface ThrowingRead {
        void run();
    }
}
