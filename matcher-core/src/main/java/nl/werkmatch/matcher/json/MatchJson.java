package nl.werkmatch.matcher.json;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.Explanation;

/**
 * The JSON of match results, shared by the CLI ({@code match --json}) and the HTTP API:
 * {@code {"matches":[{"id":..,"score":..,"contributions":{"skills":..,...},"explanation":{...}}]}}.
 */
public final class MatchJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private MatchJson() {
    }

    /** A page of matches as JSON: {"matches":[...]} with offset, k and, when counted, total. */
    public static ObjectNode toJson(MatchPage page) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("offset", page.offset());
        root.put("k", page.k());
        page.total().ifPresent(total -> root.put("total", total));
        ArrayNode matches = root.putArray("matches");
        for (Match m : page.matches()) {
            matches.add(toJson(m));
        }
        return root;
    }

    /** One match as JSON: id, score, contributions and, when asked, the explanation. */
    public static ObjectNode toJson(Match m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", m.id());
        node.put("score", m.score());
        ObjectNode contributions = node.putObject("contributions");
        for (Component c : Component.values()) {
            contributions.put(c.jsonName(), m.contributions().getOrDefault(c, 0.0));
        }
        if (m.movedUpByFairness() != null) {
            node.put("movedUpByFairness", m.movedUpByFairness());
        }
        if (m.explanation() != null) {
            node.set("explanation", toJson(m.explanation()));
        }
        return node;
    }

    /** An explanation as JSON: records become objects, enums their names, absent values are left out. */
    public static ObjectNode toJson(Explanation e) {
        ObjectNode node = MAPPER.valueToTree(e);
        node.put("text", e.toText());
        return node;
    }
}
