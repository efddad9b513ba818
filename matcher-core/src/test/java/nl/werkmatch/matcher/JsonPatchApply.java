package nl.werkmatch.matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A plain RFC 6902 reader for tests (add, remove, replace), written from the RFC, not from the code under test. */
final class JsonPatchApply {
    private JsonPatchApply() {
    }

    static JsonNode apply(JsonNode doc, JsonNode patch) {
        JsonNode out = doc.deepCopy();
        for (JsonNode op : patch) {
            String path = op.get("path").asText();
            int cut = path.lastIndexOf('/');
            JsonNode parent = out.at(path.substring(0, cut));
            String last = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
            if (parent.isMissingNode()) {
                throw new AssertionError("no parent for " + path);
            }
            switch (op.get("op").asText()) {
                case "add" -> {
                    if (parent.isArray()) {
                        ArrayNode a = (ArrayNode) parent;
                        if (last.equals("-")) {
                            a.add(op.get("value"));
                        } else {
                            a.insert(Integer.parseInt(last), op.get("value"));
                        }
                    } else {
                        ((ObjectNode) parent).set(last, op.get("value"));
                    }
                }
                case "replace" -> {
                    if (parent.isArray()) {
                        ((ArrayNode) parent).set(Integer.parseInt(last), op.get("value"));
                    } else {
                        if (!parent.has(last)) {
                            throw new AssertionError("replace of a missing member " + path);
                        }
                        ((ObjectNode) parent).set(last, op.get("value"));
                    }
                }
                case "remove" -> {
                    if (parent.isArray()) {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    } else if (((ObjectNode) parent).remove(last) == null) {
                        throw new AssertionError("remove of a missing member " + path);
                    }
                }
                default -> throw new AssertionError("unexpected op " + op);
            }
        }
        return out;
    }
}
