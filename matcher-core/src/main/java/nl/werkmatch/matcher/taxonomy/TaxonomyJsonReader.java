package nl.werkmatch.matcher.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.model.Importance;

/**
 * Turns a parsed taxonomy document into a {@link SkillTaxonomy}, collecting every problem with its JSON path
 * first. One instance reads one document.
 */
final class TaxonomyJsonReader {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern ISCO = Pattern.compile("[0-9]{1,4}");

    private static final List<String> TOP_FIELDS = List.of("id", "version", "defaultLanguage", "description",
            "completeLanguages", "partialLanguages", "skills", "occupations");
    private static final List<String> SKILL_FIELDS = List.of("id", "type", "labels", "altLabels", "broader", "related");
    private static final List<String> OCCUPATION_FIELDS = List.of("id", "labels", "altLabels", "isco", "sector", "skills");
    private static final List<String> OCCUPATION_SKILL_FIELDS = List.of("id", "relevance");

    private final List<Problem> problems = new ArrayList<>();
    private String defaultLanguage;
    private final Set<String> completeLanguages = new LinkedHashSet<>();
    /** Null when the document declares no language lists; then any language code is accepted. */
    private Set<String> declaredLanguages;

    private record Labels(Map<String, String> preferred, Map<String, List<String>> alternative) {
    }

    private record SkillEntry(String id, SkillType type, Labels labels, List<String> broader, List<String> related) {
    }

    private record OccupationSkill(String id, Importance relevance) {
    }

    private record OccupationEntry(String id, Labels labels, String isco, String sector, List<OccupationSkill> skills) {
    }

    private TaxonomyJsonReader() {
    }

    static SkillTaxonomy read(JsonNode root) {
        return new TaxonomyJsonReader().readDocument(root);
    }

    private SkillTaxonomy readDocument(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("", "a taxonomy must be a JSON object");
        }
        checkFields(root, "", TOP_FIELDS);
        String id = requiredText(root, "", "id");
        String version = requiredText(root, "", "version");
        defaultLanguage = requiredText(root, "", "defaultLanguage");
        if (defaultLanguage != null && !LANGUAGE.matcher(defaultLanguage).matches()) {
            problem("defaultLanguage", quote(defaultLanguage) + " is not a language code like \"nl\" or \"pt-BR\"");
            defaultLanguage = null;
        }
        optionalText(root, "", "description");
        readLanguageLists(root);

        JsonNode skills = requiredArray(root, "skills");
        JsonNode occupations = requiredArray(root, "occupations");

        Map<String, Integer> skillPositions = firstPositions(skills, "skills");
        List<SkillEntry> skillEntries = new ArrayList<>();
        Map<String, String> skillLabelOwners = new HashMap<>();
        for (int i = 0; i < skills.size(); i++) {
            SkillEntry e = readSkill(skills.get(i), "skills[" + i + "]", skillPositions, skillLabelOwners);
            skillEntries.add(e);
        }
        findBroaderCycles(skillEntries, skillPositions);

        Map<String, Integer> occupationPositions = firstPositions(occupations, "occupations");
        List<OccupationEntry> occupationEntries = new ArrayList<>();
        Map<String, String> occupationLabelOwners = new HashMap<>();
        for (int i = 0; i < occupations.size(); i++) {
            occupationEntries.add(readOccupation(occupations.get(i), "occupations[" + i + "]", skillPositions,
                    occupationLabelOwners));
        }

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SkillTaxonomy.Builder b = SkillTaxonomy.builder(id, version, defaultLanguage);
        for (SkillEntry s : skillEntries) {
            b.addConcept(s.id(), s.type(), s.labels().preferred(), s.labels().alternative(), s.broader(), s.related());
        }
        for (OccupationEntry o : occupationEntries) {
            b.addOccupation(o.id(), o.labels().preferred(), o.labels().alternative(), o.isco(), o.sector());
            for (OccupationSkill s : o.skills()) {
                b.addOccupationSkill(o.id(), s.id(), s.relevance());
            }
        }
        return b.build();
    }

    // ---- top level

    private void readLanguageLists(JsonNode root) {
        Set<String> complete = languageList(root, "completeLanguages");
        Set<String> partial = languageList(root, "partialLanguages");
        if (complete != null) {
            completeLanguages.addAll(complete);
        }
        if (complete != null && partial != null) {
            for (String lang : partial) {
                if (complete.contains(lang)) {
                    problem("partialLanguages", quote(lang) + " is also listed in completeLanguages");
                }
            }
        }
        if (complete != null || partial != null) {
            declaredLanguages = new HashSet<>();
            if (defaultLanguage != null) {
                declaredLanguages.add(defaultLanguage);
            }
            declaredLanguages.addAll(completeLanguages);
            if (partial != null) {
                declaredLanguages.addAll(partial);
            }
        }
    }

    private Set<String> languageList(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem(field, "must be an array of language codes");
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode v = node.get(i);
            if (!v.isTextual() || !LANGUAGE.matcher(v.asText()).matches()) {
                problem(path, describe(v) + " is not a language code like \"nl\" or \"pt-BR\"");
            } else if (!out.add(v.asText())) {
                problem(path, quote(v.asText()) + " is listed twice");
            }
        }
        return out;
    }

    /** Maps each id to the position where it first occurs, reporting later duplicates. */
    private Map<String, Integer> firstPositions(JsonNode items, String arrayPath) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode idNode = items.get(i).get("id");
            if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
                Integer first = positions.putIfAbsent(idNode.asText(), i);
                if (first != null) {
                    problem(arrayPath + "[" + i + "].id", "duplicate of " + arrayPath + "[" + first + "]");
                }
            }
        }
        return positions;
    }

    // ---- skills

    /** Whether the node is an object (else a problem); its fields are checked against the allowed ones. */
    private boolean objectWithFields(JsonNode node, String path, List<String> allowed) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return false;
        }
        checkFields(node, path, allowed);
        return true;
    }

    private SkillEntry readSkill(JsonNode node, String path, Map<String, Integer> skillPositions,
                                 Map<String, String> labelOwners) {
        if (!objectWithFields(node, path, SKILL_FIELDS)) {
            return null;
        }
        String id = requiredText(node, path, "id");
        SkillType type = requiredEnum(node, path, "type", SkillType.class);
        Labels labels = readLabels(node, path, labelOwners);
        List<String> broader = references(node, path, "broader", id, skillPositions);
        List<String> related = references(node, path, "related", id, skillPositions);
        return new SkillEntry(id, type, labels, broader, related);
    }

    private List<String> references(JsonNode owner, String ownerPath, String field, String ownId,
                                    Map<String, Integer> skillPositions) {
        JsonNode node = owner.get(field);
        String path = ownerPath + "." + field;
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be an array of skill ids");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode ref = node.get(i);
            String refPath = path + "[" + i + "]";
            if (!ref.isTextual()) {
                problem(refPath, "must be a skill id (a string)");
            } else if (!skillPositions.containsKey(ref.asText())) {
                problem(refPath, "unknown skill " + quote(ref.asText()));
            } else if (ref.asText().equals(ownId)) {
                problem(refPath, "a skill cannot refer to itself");
            } else if (!seen.add(ref.asText())) {
                problem(refPath, quote(ref.asText()) + " is listed twice");
            } else {
                out.add(ref.asText());
            }
        }
        return out;
    }

    private void findBroaderCycles(List<SkillEntry> entries, Map<String, Integer> positions) {
        int[][] edges = new int[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            SkillEntry e = entries.get(i);
            edges[i] = e == null ? new int[0] : e.broader().stream().mapToInt(positions::get).toArray();
        }
        for (int[] cycle : Cycles.find(edges)) {
            String ids = Arrays.stream(cycle).mapToObj(c -> quote(entries.get(c).id()))
                    .collect(Collectors.joining(" -> ")) + " -> " + quote(entries.get(cycle[0]).id());
            problem("skills[" + cycle[0] + "].broader", "broader relations form a cycle: " + ids);
        }
    }

    // ---- occupations

    private OccupationEntry readOccupation(JsonNode node, String path, Map<String, Integer> skillPositions,
                                           Map<String, String> labelOwners) {
        if (!objectWithFields(node, path, OCCUPATION_FIELDS)) {
            return null;
        }
        String id = requiredText(node, path, "id");
        Labels labels = readLabels(node, path, labelOwners);
        String isco = optionalText(node, path, "isco");
        if (isco != null && !ISCO.matcher(isco).matches()) {
            problem(path + ".isco", quote(isco) + " is not an ISCO-08 code of 1 to 4 digits");
            isco = null;
        }
        String sector = optionalText(node, path, "sector");
        List<OccupationSkill> skills = new ArrayList<>();
        JsonNode skillsNode = node.get("skills");
        if (skillsNode == null || skillsNode.isNull()) {
            problem(path + ".skills", "missing");
        } else if (!skillsNode.isArray()) {
            problem(path + ".skills", "must be an array of {\"id\", \"relevance\"} objects");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < skillsNode.size(); i++) {
                String sPath = path + ".skills[" + i + "]";
                JsonNode s = skillsNode.get(i);
                if (!s.isObject()) {
                    problem(sPath, "must be an object with \"id\" and \"relevance\"");
                    continue;
                }
                checkFields(s, sPath, OCCUPATION_SKILL_FIELDS);
                String skillId = requiredText(s, sPath, "id");
                Importance relevance = requiredEnum(s, sPath, "relevance", Importance.class);
                if (skillId != null) {
                    Integer first = seen.putIfAbsent(skillId, i);
                    if (!skillPositions.containsKey(skillId)) {
                        problem(sPath + ".id", "unknown skill " + quote(skillId));
                    } else if (first != null) {
                        problem(sPath + ".id", "duplicate of " + path + ".skills[" + first + "]");
                    } else if (relevance != null) {
                        skills.add(new OccupationSkill(skillId, relevance));
                    }
                }
            }
        }
        return new OccupationEntry(id, labels, isco, sector, skills);
    }

    // ---- labels

    private Labels readLabels(JsonNode owner, String ownerPath, Map<String, String> labelOwners) {
        Map<String, String> preferred = new LinkedHashMap<>();
        String path = ownerPath + ".labels";
        JsonNode node = owner.get("labels");
        if (node == null || node.isNull()) {
            problem(path, "missing");
        } else if (!node.isObject()) {
            problem(path, "must be an object of language code to label");
        } else {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String lang = e.getKey();
                String lPath = path + "." + lang;
                if (!checkLanguage(lPath, lang)) {
                    continue;
                }
                String label = labelText(lPath, e.getValue());
                if (label == null) {
                    continue;
                }
                preferred.put(lang, label);
                String key = lang + '\n' + label.toLowerCase(Locale.ROOT);
                String firstOwner = labelOwners.putIfAbsent(key, ownerPath);
                if (firstOwner != null) {
                    problem(lPath, "duplicate label " + quote(label) + " (also " + firstOwner + ")");
                }
            }
            if (defaultLanguage != null && !node.has(defaultLanguage)) {
                problem(path + "." + defaultLanguage, "missing label in the default language");
            }
            for (String lang : completeLanguages) {
                if (!lang.equals(defaultLanguage) && !node.has(lang)) {
                    problem(path + "." + lang, "missing label in " + quote(lang) + ", listed in completeLanguages");
                }
            }
        }
        Map<String, List<String>> alternative = new LinkedHashMap<>();
        String altPath = ownerPath + ".altLabels";
        JsonNode alt = owner.get("altLabels");
        if (alt != null && !alt.isNull()) {
            if (!alt.isObject()) {
                problem(altPath, "must be an object of language code to an array of labels");
            } else {
                for (Map.Entry<String, JsonNode> e : alt.properties()) {
                    String lPath = altPath + "." + e.getKey();
                    if (!checkLanguage(lPath, e.getKey())) {
                        continue;
                    }
                    if (!e.getValue().isArray()) {
                        problem(lPath, "must be an array of labels");
                        continue;
                    }
                    List<String> labels = new ArrayList<>();
                    for (int i = 0; i < e.getValue().size(); i++) {
                        String label = labelText(lPath + "[" + i + "]", e.getValue().get(i));
                        if (label != null) {
                            labels.add(label);
                        }
                    }
                    alternative.put(e.getKey(), labels);
                }
            }
        }
        return new Labels(preferred, alternative);
    }

    private boolean checkLanguage(String path, String lang) {
        if (!LANGUAGE.matcher(lang).matches()) {
            problem(path, quote(lang) + " is not a language code like \"nl\" or \"pt-BR\"");
            return false;
        }
        if (declaredLanguages != null && !declaredLanguages.contains(lang)) {
            problem(path, "language " + quote(lang) + " is not declared in completeLanguages or partialLanguages");
            return false;
        }
        return true;
    }

    private String labelText(String path, JsonNode v) {
        String text = nonBlankText(path, v);
        return text == null ? null : text.strip();
    }

    // ---- field helpers

    private void checkFields(JsonNode node, String path, List<String> allowed) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                problem(child(path, name), "unknown field (expected one of " + String.join(", ", allowed) + ")");
            }
        }
    }

    private String requiredText(JsonNode owner, String ownerPath, String field) {
        JsonNode v = owner.get(field);
        String path = child(ownerPath, field);
        if (v == null || v.isNull()) {
            problem(path, "missing");
            return null;
        }
        return nonBlankText(path, v);
    }

    /** A string that is not blank, as given; else a problem and null. */
    private String nonBlankText(String path, JsonNode v) {
        if (!v.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        if (v.asText().isBlank()) {
            problem(path, "must not be blank");
            return null;
        }
        return v.asText();
    }

    private String optionalText(JsonNode owner, String ownerPath, String field) {
        JsonNode v = owner.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return requiredText(owner, ownerPath, field);
    }

    private <E extends Enum<E>> E requiredEnum(JsonNode owner, String ownerPath, String field, Class<E> type) {
        String text = requiredText(owner, ownerPath, field);
        if (text == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        problem(child(ownerPath, field), quote(text) + " is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    private JsonNode requiredArray(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            problem(field, "missing");
        } else if (!v.isArray()) {
            problem(field, "must be an array");
        } else {
            return v;
        }
        return JsonNodeFactory.instance.arrayNode();
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }

    private static String describe(JsonNode v) {
        return v.isTextual() ? quote(v.asText()) : v.toString();
    }
}
