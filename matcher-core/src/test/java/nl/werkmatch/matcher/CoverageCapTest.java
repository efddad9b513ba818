package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/** A profile covers at most maxCoveredSkills concepts: the strongest credits, ties to the lower concept index. */
class CoverageCapTest {

    @Test
    void keepsTheStrongestCreditsAndBreaksTiesByConceptIndex() {
        SkillTaxonomy t = TinyWorld.taxonomy();
        Profile p = Profile.builder("p-1").location(Location.municipality("GM0363"))
                .skill("s-mig", Evidence.CERTIFIED).skill("s-heftruck", Evidence.DECLARED).build();
        Scorer uncapped = scorer(t, 1000);
        PreparedProfile all = uncapped.prepare(p);
        assertThat(all.coveredCount()).isGreaterThan(3);

        PreparedProfile capped = scorer(t, 3).prepare(p);
        assertThat(capped.coveredCount()).isEqualTo(3);
        // s-mig itself (certified, 1.0), and through "narrower" its parent s-lassen (0.9) and grandparent g-metaal
        // (0.81) outrank the declared s-heftruck (0.8), which the cap of three cuts
        assertThat(capped.credit(t.indexOf("s-mig"))).isEqualTo(1.0);
        assertThat(capped.credit(t.indexOf("s-lassen"))).isEqualTo(all.credit(t.indexOf("s-lassen")));
        assertThat(capped.credit(t.indexOf("g-metaal"))).isEqualTo(all.credit(t.indexOf("g-metaal")));
        assertThat(capped.credit(t.indexOf("s-heftruck"))).isZero();
        assertThat(all.credit(t.indexOf("s-heftruck"))).isPositive();
    }

    @Test
    void aTieAtTheCapGoesToTheLowerConceptIndex() {
        SkillTaxonomy t = TinyWorld.taxonomy();
        Profile p = Profile.builder("p-1").location(Location.municipality("GM0363"))
                .skill("s-tig", Evidence.DECLARED).skill("s-mig", Evidence.DECLARED).build();
        PreparedProfile capped = scorer(t, 1).prepare(p);
        assertThat(t.indexOf("s-mig")).isLessThan(t.indexOf("s-tig"));
        assertThat(capped.coveredCount()).isEqualTo(1);
        assertThat(capped.coveredConcept(0)).isEqualTo(t.indexOf("s-mig"));
    }

    private static Scorer scorer(SkillTaxonomy t, int cap) {
        EvidenceWeights d = EvidenceWeights.DEFAULT;
        return new Scorer(t, SkillSimilarity.of(t, SkillSimilarity.Config.DEFAULT),
                new EvidenceWeights(d.declared(), d.assessed(), d.certified(), d.inferred(), d.experienceEssential(),
                        d.experienceImportant(), d.experienceOptional(), cap), Regions.netherlands());
    }
}
