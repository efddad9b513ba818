package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.NeverRecommendedReason;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The audit's reason for a candidate kept off every list by the skill floor alone: an order picker in Utrecht whose
 * Dutch, place and level fit a welding job perfectly, but who shows none of its skills.
 */
class AuditSkillFloorTest {
    private static final String UTRECHT = "GM0344";

    private static Profile candidate(String id, String skill) {
        return Profile.builder(id).location(Location.municipality(UTRECHT)).dutch(DutchLevels.uniform(Cefr.A2))
                .education(EducationLevel.MBO2, false).skill(skill, Evidence.CERTIFIED).build();
    }

    private static void fill(Matcher m) {
        m.upsertProfile(candidate("p-welds", "s-lassen"));
        m.upsertProfile(candidate("p-picks-orders", "s-orderpicken"));
        m.upsertVacancy(Vacancy.builder("v-1").title("Lasser").occupation("o-lasser")
                .location(Location.municipality(UTRECHT)).dutch(DutchLevels.uniform(Cefr.A2))
                .educationLevel(EducationLevel.MBO2).skill("s-lassen", Importance.ESSENTIAL).build());
        m.refresh();
    }

    @Test
    void aCandidateBelowTheSkillFloorEverywhereIsNeverRecommendedForThatReason() {
        try (Matcher m = TinyWorld.matcher()) {
            fill(m);
            AuditReport report = m.audit(AuditRequest.builder().k(10).build());
            assertThat(report.neverRecommended()).singleElement().satisfies(n -> {
                assertThat(n.id()).isEqualTo("p-picks-orders");
                assertThat(n.reason()).isEqualTo(NeverRecommendedReason.SKILL_FLOOR);
                assertThat(n.eligible()).isZero();
            });
            assertThat(report.neverRecommendedByReason()).containsEntry(NeverRecommendedReason.SKILL_FLOOR, 1);
        }
    }

    @Test
    void withoutAFloorTheSameCandidateIsOnTheList() {
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).clock(TinyWorld.CLOCK).minSkillFit(0)
                .build()) {
            fill(m);
            AuditReport report = m.audit(AuditRequest.builder().k(10).build());
            assertThat(report.neverRecommended()).isEmpty();
            assertThat(report.recommended()).isEqualTo(2);
        }
    }
}
