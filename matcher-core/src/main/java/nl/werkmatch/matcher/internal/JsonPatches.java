package nl.werkmatch.matcher.internal;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The RFC 6902 JSON Patch that turns one JSON document into another: objects are compared member by member, an
 * array that only grew at its end gets {@code add .../-} operations, any other difference replaces the value.
 * Small and readable for the single changes advice makes; correct for any pair of documents.
 */
public final class JsonPatches {
    private JsonPatches() {
    }

    /** The operations that turn {@code from} into {@code to}. */
    public static ArrayNode diff(JsonNode from, JsonNode to) {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        diff("", from, to, ops);
        return ops;
    }

    private static void diff(String path, JsonNode from, JsonNode to, ArrayNode ops) {
        if (from.equals(to)) {
            return;
        }
        if (from.isObject() && to.isObject()) {
            for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!to.has(name)) {
                    ops.addObject().put("op", "remove").put("path", path + "/" + escape(name));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path + "/" + escape(e.getKey());
                JsonNode old = from.get(e.getKey());
                if (old == null) {
                    op(ops, "add", at, e.getValue());
                } else {
                    diff(at, old, e.getValue(), ops);
                }
            }
            return;
        }
        if (from.isArray() && to.isArray() && to.size() > from.size() && prefix(from, to)) {
            for (int i = from.size(); i < to.size(); i++) {
                op(ops, "add", path + "/-", to.get(i));
            }
            return;
        }
        op(ops, "replace", path, to);
    }

    private static boolean prefix(JsonNode shorter, JsonNode longer) {
        for (int i = 0; i < shorter.size(); i++) {
            if (!shorter.get(i).equals(longer.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void op(ArrayNode ops, String op, String path, JsonNode value) {
        ObjectNode o = ops.addObject().put("op", op).put("path", path);
        o.set("value", value.deepCopy());
    }

    /** RFC 6901: "~" becomes "~0" and "/" becomes "~1". */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
