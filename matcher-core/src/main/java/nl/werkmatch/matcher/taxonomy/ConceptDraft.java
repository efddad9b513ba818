package nl.werkmatch.matcher.taxonomy;

import java.util.List;
import java.util.Map;

/** A concept as {@link SkillTaxonomy.Builder} collects it, before ids become dense indexes. */
record ConceptDraft(String id, SkillType type, Map<String, String> labels, Map<String, List<String>> altLabels,
                    List<String> broader, List<String> related) {
}
