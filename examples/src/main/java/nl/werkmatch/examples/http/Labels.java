package nl.werkmatch.examples.http;

import java.util.Collection;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * Skill and occupation labels in the language a client asks for ({@code ?lang=en}): the taxonomy's label in that
 * language where it has one, else its default language's. Also puts them into match explanations, whose labels
 * the library writes in the default language.
 */
final class Labels {
    private final SkillTaxonomy taxonomy;
    private final String language;

    private Labels(SkillTaxonomy taxonomy, String language) {
        this.taxonomy = taxonomy;
        this.language = language;
    }

    /** The labels in the {@code lang} query parameter's language, or the default one; a 400 for an unknown one. */
    static Labels fromQuery(Request request, SkillTaxonomy taxonomy) {
        Optional<String> lang = request.query("lang").map(String::trim).filter(s -> !s.isEmpty());
        if (lang.isPresent() && !taxonomy.languages().contains(lang.get())) {
            throw ApiException.badParameter("lang", "\"" + lang.get() + "\" is not a language of the taxonomy; one of "
                    + String.join(", ", taxonomy.languages().stream().sorted().toList()));
        }
        return new Labels(taxonomy, lang.orElse(taxonomy.defaultLanguage()));
    }

    String language() {
        return language;
    }

    /** The label of a skill or knowledge area, or null for an id the taxonomy does not know. */
    String skill(String id) {
        int i = id == null ? -1 : taxonomy.indexOf(id);
        return i < 0 ? null : taxonomy.label(i, language);
    }

    /** The label of an occupation, or null for an id the taxonomy does not know. */
    String occupation(String id) {
        int i = id == null ? -1 : taxonomy.occupationIndexOf(id);
        return i < 0 ? null : taxonomy.occupationLabel(i, language);
    }

    /** Adds {@code id: label} to {@code target} for each skill id and each occupation id that the taxonomy knows. */
    void put(ObjectNode target, Collection<String> skillIds, Collection<String> occupationIds) {
        skillIds.forEach(id -> putIfKnown(target, id, skill(id)));
        occupationIds.forEach(id -> putIfKnown(target, id, occupation(id)));
    }

    private static void putIfKnown(ObjectNode target, String id, String label) {
        if (label != null) {
            target.put(id, label);
        }
    }

    /**
     * Rewrites the labels of each match's explanation in this language and adds the ones a page needs besides:
     * {@code fromOccupationLabel} per skill and {@code vacancyOccupationLabel} in the preference.
     */
    void localizeMatches(ObjectNode page) {
        for (JsonNode match : page.path("matches")) {
            JsonNode explanation = match.path("explanation");
            for (JsonNode s : explanation.path("skills")) {
                ObjectNode skill = (ObjectNode) s;
                putIfKnown(skill, "requiredLabel", skill(text(skill, "requiredId")));
                putIfKnown(skill, "coveredByLabel", skill(text(skill, "coveredBy")));
                putIfKnown(skill, "fromOccupationLabel", occupation(text(skill, "fromOccupation")));
            }
            if (explanation.path("preference") instanceof ObjectNode preference) {
                putIfKnown(preference, "vacancyOccupationLabel", occupation(text(preference, "vacancyOccupation")));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
