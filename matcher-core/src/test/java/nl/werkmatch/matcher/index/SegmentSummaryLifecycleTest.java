package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * Segment summaries live as long as their segments: a long-running server that refreshes and merges all day must
 * not keep the summaries of segments that are gone.
 */
class SegmentSummaryLifecycleTest {

    @Test
    void summariesLeaveWithTheirSegments() {
        SkillTaxonomy taxonomy = TaxonomyJson.sample();
        SyntheticWorld world = SyntheticWorld.builder(taxonomy, Regions.netherlands()).seed(5)
                .today(LocalDate.of(2026, 11, 24)).build();
        int before = SegmentSummary.cachedSegments();
        try (Matcher m = Matcher.builder().taxonomy(taxonomy).build()) {
            for (int round = 0; round < 6; round++) {
                List<Profile> profiles = world.profiles(200).map(p -> p).toList();
                m.upsertProfiles(profiles);   // the same ids every round: updates, deletes, merges
                List<Vacancy> vacancies = world.vacancies(20).toList();
                m.upsertVacancies(vacancies);
                m.refresh();
                m.candidatesFor(vacancies.get(0).id(), MatchRequest.builder().withinKm(50.0).build());
            }
            assertThat(SegmentSummary.cachedSegments()).isGreaterThan(before);
            m.purgeDeleted();
        }
        assertThat(SegmentSummary.cachedSegments()).isEqualTo(before);
    }
}
