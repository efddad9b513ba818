package nl.werkmatch.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * The compact form an index keeps must score and filter exactly like the full form: every fact round-trips, and
 * the score of every pair is the same double.
 */
class CompactFormTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final SkillTaxonomy taxonomy = TaxonomyJson.sample();
    private final Scorer scorer = new Scorer(taxonomy, SkillSimilarity.of(taxonomy, SkillSimilarity.Config.DEFAULT),
            EvidenceWeights.DEFAULT, Regions.netherlands());
    private final CompactForm form = new CompactForm(scorer);
    private final SyntheticWorld world = SyntheticWorld.builder(taxonomy, Regions.netherlands()).seed(3).today(TODAY).build();

    private PreparedProfile roundTrip(PreparedProfile p) {
        byte[] b = form.encode(p);
        byte[] padded = new byte[b.length + 7];
        System.arraycopy(b, 0, padded, 5, b.length);   // decoding honours offset and length
        return form.decodeProfile(padded, 5, b.length);
    }

    private PreparedVacancy roundTrip(PreparedVacancy v) {
        byte[] b = form.encode(v);
        return form.decodeVacancy(b, 0, b.length);
    }

    @Test
    void profilesKeepEveryFactScoringAndFiltersRead() {
        List<PreparedProfile> profiles = world.profiles(2000).map(scorer::prepare).toList();
        for (PreparedProfile full : profiles) {
            PreparedProfile c = roundTrip(full);
            assertThat(c.hasRecord()).isFalse();
            assertThat(c.id()).isEqualTo(full.id());
            assertThat(c.location()).isEqualTo(full.location());
            assertThat(c.coveredCount()).isEqualTo(full.coveredCount());
            for (int i = 0; i < full.coveredCount(); i++) {
                assertThat(c.coveredConcept(i)).isEqualTo(full.coveredConcept(i));
                assertThat(c.coveredCredit(i)).isEqualTo(full.coveredCredit(i));
            }
            for (LanguageSkill s : LanguageSkill.values()) {
                assertThat(c.dutch(s)).isEqualTo(full.profile().dutch().get(s));
            }
            assertThat(c.english()).isEqualTo(full.profile().english());
            assertThat(c.education()).isEqualTo(Rules.countedLevel(full.profile().education()));
            assertThat(c.workAuthorization()).isEqualTo(full.profile().workAuthorization());
            assertThat(c.jobTypeMask()).isEqualTo(full.jobTypeMask());
            assertThat(c.hours()).isEqualTo(full.profile().hours());
            assertThat(c.availableFrom()).isEqualTo(full.profile().availableFrom());
            assertThat(c.maxTravelKm()).isEqualTo(full.profile().maxTravelKm());
            assertThat(c.wantedOccupations()).containsExactly(full.wantedOccupations());
            assertThat(c.wantedIscoGroups()).isEqualTo(full.wantedIscoGroups());
            assertThat(c.wantedSectors()).isEqualTo(full.wantedSectors());
        }
    }

    @Test
    void vacanciesKeepEveryFactScoringAndFiltersRead() {
        for (PreparedVacancy full : world.vacancies(2000).map(scorer::prepare).toList()) {
            PreparedVacancy c = roundTrip(full);
            assertThat(c.id()).isEqualTo(full.id());
            assertThat(c.location()).isEqualTo(full.location());
            assertThat(c.requiredCount()).isEqualTo(full.requiredCount());
            for (int i = 0; i < full.requiredCount(); i++) {
                assertThat(c.requiredConcept(i)).isEqualTo(full.requiredConcept(i));
                assertThat(c.importance(i)).isEqualTo(full.importance(i));
                assertThat(c.share(i)).isEqualTo(full.share(i));
            }
            for (LanguageSkill s : LanguageSkill.values()) {
                assertThat(c.dutchRequired(s)).isEqualTo(Scorer.effectiveRequirement(full.vacancy(), s));
            }
            assertThat(c.englishAccepted()).isEqualTo(full.vacancy().englishAccepted());
            assertThat(c.education()).isEqualTo(full.vacancy().educationLevel());
            assertThat(c.remote()).isEqualTo(full.vacancy().remote());
            assertThat(c.permitSponsored()).isEqualTo(full.vacancy().permitSponsored());
            assertThat(c.jobType()).isEqualTo(full.vacancy().jobType());
            assertThat(c.hours()).isEqualTo(full.vacancy().hours());
            assertThat(c.openFrom()).isEqualTo(full.vacancy().openFrom());
            assertThat(c.openUntil()).isEqualTo(full.vacancy().openUntil());
            assertThat(c.occupation()).isEqualTo(full.occupation());
            assertThat(c.iscoGroup()).isEqualTo(full.iscoGroup());
            assertThat(c.sector()).isEqualTo(full.sector());
        }
    }

    @Test
    void everyPairScoresTheSameDoubleInBothForms() {
        List<PreparedProfile> profiles = world.profiles(300).map(scorer::prepare).toList();
        List<PreparedVacancy> vacancies = world.vacancies(200).map(scorer::prepare).toList();
        ScoringWeights w = ScoringWeights.DEFAULT;
        for (PreparedProfile p : profiles) {
            PreparedProfile pc = roundTrip(p);
            for (PreparedVacancy v : vacancies) {
                PreparedVacancy vc = roundTrip(v);
                assertThat(Scorer.score(pc, vc, w)).isEqualTo(Scorer.score(p, v, w));
                assertThat(Scorer.contributions(pc, vc, w)).isEqualTo(Scorer.contributions(p, v, w));
            }
        }
    }

    @Test
    void theCompactFormCannotBeExplainedAndSaysWhy() {
        PreparedProfile p = roundTrip(scorer.prepare(world.profile(0)));
        PreparedVacancy v = scorer.prepare(world.vacancy(0));
        assertThatThrownBy(() -> scorer.explain(p, v, ScoringWeights.DEFAULT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("compact form");
        assertThatThrownBy(p::profile).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTruncatedOrOverlongFormIsRefused() {
        byte[] b = form.encode(scorer.prepare(world.profile(1)));
        assertThatThrownBy(() -> form.decodeProfile(b, 0, b.length - 1)).isInstanceOf(RuntimeException.class);
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1);
        assertThatThrownBy(() -> form.decodeProfile(longer, 0, longer.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("left over");
    }
}
