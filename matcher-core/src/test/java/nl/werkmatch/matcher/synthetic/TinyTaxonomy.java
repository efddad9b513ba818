package nl.werkmatch.matcher.synthetic;

import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/** A hand-built taxonomy of a few dozen concepts: groups, a hierarchy, sectors and ISCO codes, edge cases. */
final class TinyTaxonomy {
    private TinyTaxonomy() {
    }

    static SkillTaxonomy build() {
        SkillTaxonomy.Builder b = SkillTaxonomy.builder("tiny", "1", "nl");
        group(b, "g-bouw");
        group(b, "g-zorg");
        group(b, "g-logistiek");
        group(b, "g-algemeen");
        skill(b, "s-metselen", "g-bouw");
        skill(b, "s-voegen", "s-metselen");
        skill(b, "s-tegelzetten", "g-bouw");
        skill(b, "s-timmeren", "g-bouw");
        skill(b, "s-steigerbouw", "g-bouw");
        skill(b, "s-verzorgen", "g-zorg");
        skill(b, "s-wassen", "s-verzorgen");
        skill(b, "s-medicatie", "g-zorg");
        skill(b, "s-rapporteren", "g-zorg");
        skill(b, "s-heftruck", "g-logistiek");
        skill(b, "s-reachtruck", "s-heftruck");
        skill(b, "s-orderpicken", "g-logistiek");
        skill(b, "s-inpakken", "g-logistiek");
        skill(b, "s-samenwerken", "g-algemeen");
        skill(b, "s-klantgericht", "g-algemeen");
        skill(b, "s-computer", "g-algemeen");
        b.addConcept("k-veiligheid", SkillType.KNOWLEDGE, Map.of("nl", "Veiligheid"), Map.of(), List.of(), List.of());
        b.addConcept("s-los", SkillType.SKILL, Map.of("en", "Loose skill"), Map.of(), List.of(), List.of("s-samenwerken"));

        occupation(b, "o-metselaar", "Metselaar", "7112", "bouw",
                List.of("s-metselen", "s-voegen", "k-veiligheid"), List.of("s-steigerbouw", "s-samenwerken"));
        occupation(b, "o-tegelzetter", "Tegelzetter", "7122", null,
                List.of("s-tegelzetten"), List.of("s-samenwerken", "k-veiligheid"));
        occupation(b, "o-timmerman", "Timmerman", "7115", "bouw",
                List.of("s-timmeren", "k-veiligheid"), List.of("s-steigerbouw"));
        occupation(b, "o-verzorgende", "Verzorgende", "5322", "zorg",
                List.of("s-verzorgen", "s-wassen", "s-medicatie", "s-rapporteren"), List.of("s-samenwerken", "s-klantgericht"));
        occupation(b, "o-magazijnmedewerker", "Magazijnmedewerker", "4321", "logistiek",
                List.of("s-orderpicken", "s-heftruck"), List.of("s-reachtruck", "s-inpakken", "s-samenwerken", "k-veiligheid"));
        occupation(b, "o-inpakker", "Inpakker", "9321", null,
                List.of("s-inpakken"), List.of());
        occupation(b, "o-webdeveloper", null, "2513", null,
                List.of("s-computer"), List.of("s-samenwerken"));
        occupation(b, "o-groepsrol", "Groepsrol", null, null, List.of("g-algemeen"), List.of());
        b.addOccupation("o-leeg", Map.of("nl", "Leeg"), Map.of(), null, null);
        return b.build();
    }

    private static void group(SkillTaxonomy.Builder b, String id) {
        b.addConcept(id, SkillType.GROUP, Map.of("nl", id), Map.of(), List.of(), List.of());
    }

    private static void skill(SkillTaxonomy.Builder b, String id, String broader) {
        b.addConcept(id, SkillType.SKILL, Map.of("nl", id.substring(2)), Map.of(), List.of(broader), List.of());
    }

    private static void occupation(SkillTaxonomy.Builder b, String id, String nl, String isco, String sector,
                                   List<String> essential, List<String> optional) {
        b.addOccupation(id, nl == null ? Map.of("en", "web developer") : Map.of("nl", nl), Map.of(), isco, sector);
        essential.forEach(s -> b.addOccupationSkill(id, s, Importance.ESSENTIAL));
        optional.forEach(s -> b.addOccupationSkill(id, s, Importance.OPTIONAL));
    }
}
