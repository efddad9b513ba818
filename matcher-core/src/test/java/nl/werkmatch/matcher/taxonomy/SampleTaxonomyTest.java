package nl.werkmatch.matcher.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Importance;

/** The bundled sample taxonomy loads, passes validation and has the documented shape. */
class SampleTaxonomyTest {
    @Test
    void loadsOnceAndValidates() {
        SkillTaxonomy sample = TaxonomyJson.sample();
        assertThat(TaxonomyJson.sample()).isSameAs(sample);
        assertThat(sample.defaultLanguage()).isEqualTo("nl");
        assertThat(sample.languages()).contains("nl", "en");
        assertThat(sample.size()).isBetween(200, 400);
        assertThat(sample.occupationCount()).isBetween(40, 80);
        assertThat(sample.count(SkillType.SKILL)).isPositive();
        assertThat(sample.count(SkillType.KNOWLEDGE)).isPositive();
    }

    @Test
    void hasWelding() {
        SkillTaxonomy sample = TaxonomyJson.sample();
        int lassen = sample.indexOf("s-lassen");
        assertThat(lassen).isNotNegative();
        assertThat(sample.labelIn(lassen, "nl")).isEqualTo("Lassen");
        assertThat(sample.labelIn(lassen, "en")).isEqualTo("Welding");
    }

    @Test
    void everyOccupationHasAnEssentialSkill() {
        SkillTaxonomy sample = TaxonomyJson.sample();
        for (int o = 0; o < sample.occupationCount(); o++) {
            assertThat(sample.occupationSkills(o, Importance.ESSENTIAL))
                    .as("essential skills of %s", sample.occupationId(o)).isNotEmpty();
        }
    }

    @Test
    void sameFingerprintAsAFreshLoad() throws IOException {
        assertThat(TaxonomyJson.loadResource(TaxonomyJson.SAMPLE_RESOURCE).fingerprint())
                .isEqualTo(TaxonomyJson.sample().fingerprint());
    }
}
