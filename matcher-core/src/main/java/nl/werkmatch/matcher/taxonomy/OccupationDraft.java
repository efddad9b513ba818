package nl.werkmatch.matcher.taxonomy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.model.Importance;

/** An occupation as {@link SkillTaxonomy.Builder} collects it, with its skills by relevance. */
record OccupationDraft(String id, Map<String, String> labels, Map<String, List<String>> altLabels, String isco,
                       String sector, Map<Importance, List<String>> skills) {
    OccupationDraft(String id, Map<String, String> labels, Map<String, List<String>> altLabels, String isco, String sector) {
        this(id, labels, altLabels, isco, sector, new EnumMap<>(Importance.class));
    }
}
