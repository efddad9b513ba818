package nl.werkmatch.matcher;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/** A hand-made taxonomy small enough to work scores out by hand. */
final class TinyWorld {
    static final Clock CLOCK = Clock.fixed(RandomWorld.TODAY.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant(),
            ZoneId.of("Europe/Amsterdam"));

    private TinyWorld() {
    }

    static SkillTaxonomy taxonomy() {
        return taxonomy(false);
    }

    /** @param extra adds one more skill, which changes the fingerprint but keeps every existing id */
    static SkillTaxonomy taxonomy(boolean extra) {
        SkillTaxonomy.Builder b = SkillTaxonomy.builder("tiny", extra ? "2" : "1", "nl")
                .addConcept("g-metaal", SkillType.GROUP, Map.of("nl", "Metaalbewerking"), Map.of(), List.of(), List.of())
                .addConcept("s-lassen", SkillType.SKILL, Map.of("nl", "Lassen", "en", "Welding"), Map.of(), List.of("g-metaal"), List.of())
                .addConcept("s-mig", SkillType.SKILL, Map.of("nl", "MIG/MAG-lassen"), Map.of(), List.of("s-lassen"), List.of())
                .addConcept("s-tig", SkillType.SKILL, Map.of("nl", "TIG-lassen"), Map.of(), List.of("s-lassen"), List.of())
                .addConcept("s-slijpen", SkillType.SKILL, Map.of("nl", "Slijpen"), Map.of(), List.of("g-metaal"), List.of())
                .addConcept("g-logistiek", SkillType.GROUP, Map.of("nl", "Logistiek"), Map.of(), List.of(), List.of())
                .addConcept("s-heftruck", SkillType.SKILL, Map.of("nl", "Heftruck rijden"), Map.of(), List.of("g-logistiek"), List.of("s-orderpicken"))
                .addConcept("s-orderpicken", SkillType.SKILL, Map.of("nl", "Orderpicken"), Map.of(), List.of("g-logistiek"), List.of())
                .addConcept("k-vca", SkillType.KNOWLEDGE, Map.of("nl", "VCA-veiligheid"), Map.of(), List.of(), List.of());
        if (extra) {
            b.addConcept("s-solderen", SkillType.SKILL, Map.of("nl", "Solderen"), Map.of(), List.of("g-metaal"), List.of());
        }
        b.addOccupation("o-lasser", Map.of("nl", "Lasser"), Map.of(), "7212", "techniek")
                .addOccupationSkill("o-lasser", "s-lassen", Importance.ESSENTIAL)
                .addOccupationSkill("o-lasser", "k-vca", Importance.IMPORTANT)
                .addOccupationSkill("o-lasser", "s-slijpen", Importance.OPTIONAL)
                .addOccupation("o-plaatwerker", Map.of("nl", "Plaatwerker"), Map.of(), "7213", "techniek")
                .addOccupationSkill("o-plaatwerker", "s-slijpen", Importance.ESSENTIAL)
                .addOccupation("o-orderpicker", Map.of("nl", "Orderpicker"), Map.of(), "9333", "logistiek")
                .addOccupationSkill("o-orderpicker", "s-orderpicken", Importance.ESSENTIAL);
        return b.build();
    }

    static Matcher matcher() {
        return Matcher.builder().taxonomy(taxonomy()).clock(CLOCK).build();
    }
}
