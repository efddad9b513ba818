package nl.werkmatch.matcher.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.CareerStep;
import nl.werkmatch.matcher.advice.Suggestion;

/**
 * Advice as JSON: {@code {"id","minScore","reachable","suggestions":[{"kind","summary","patch","reachable",
 * "unlocks","loses","examples"}]}}, the kind by its JSON name ({@code learn-skill}, {@code dutch-level}, ...), and
 * {@code "careerStep": {"occupation","label","skills":[{"id","label"}],"reachable","examples"}} when there is one.
 */
public final class AdviceJson {
    private AdviceJson() {
    }

    /** The advice as one JSON object. */
    public static ObjectNode toJson(Advice advice) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", advice.id());
        root.put("minScore", advice.minScore());
        root.put("reachable", advice.reachable());
        ArrayNode list = root.putArray("suggestions");
        for (Suggestion s : advice.suggestions()) {
            ObjectNode o = list.addObject();
            o.put("kind", s.kind().jsonName());
            o.put("summary", s.summary());
            o.set("patch", s.patch().deepCopy());
            o.put("reachable", s.reachable());
            o.put("unlocks", s.unlocks());
            o.put("loses", s.loses());
            ArrayNode examples = o.putArray("examples");
            s.examples().forEach(examples::add);
        }
        CareerStep step = advice.careerStep();
        if (step != null) {
            ObjectNode o = root.putObject("careerStep");
            o.put("occupation", step.occupation());
            o.put("label", step.label());
            ArrayNode skills = o.putArray("skills");
            for (CareerStep.Skill skill : step.skills()) {
                skills.addObject().put("id", skill.id()).put("label", skill.label());
            }
            o.put("reachable", step.reachable());
            ArrayNode examples = o.putArray("examples");
            step.examples().forEach(examples::add);
        }
        return root;
    }
}
