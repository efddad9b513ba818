package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.NeverRecommendedReason;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Eligible counts beyond the engine's 10,000-deep window: a candidate in Almere who only declares driving a forklift,
 * always outranked by a certified driver, is eligible for more vacancies than one ranking can page through. The
 * audit counts per vacancy, not by paging through the person's ranking, so the count is exact however large.
 */
class AuditEligibleWindowTest {
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    private static final LocalDate JANUARY = LocalDate.of(2027, 1, 15);

    @Test
    void countsPastTheEnginesWindowExactly() {
        Clock clock = Clock.fixed(DECEMBER.atStartOfDay(NL).toInstant(), NL);
        try (Matcher matcher = Matcher.builder().clock(clock).build()) {
            Location almere = Location.municipality("GM0034");
            matcher.upsertProfile(Profile.builder("p-forklift").location(almere)
                    .skill("s-heftruck-rijden", Evidence.CERTIFIED).build());
            // only declared, so always below the certified driver, but above the skill floor everywhere
            matcher.upsertProfile(Profile.builder("p-declared").location(almere)
                    .skill("s-heftruck-rijden", Evidence.DECLARED)
                    .jobTypes(java.util.EnumSet.of(JobType.REGULAR, JobType.STAGE)).build());
            List<Vacancy> vacancies = new ArrayList<>();
            for (int i = 0; i < 10_040; i++) {
                Vacancy.Builder v = Vacancy.builder("v-" + i).title("Heftruckchauffeur").location(almere)
                        .skill("s-heftruck-rijden", Importance.ESSENTIAL)
                        .jobType(i < 30 ? JobType.STAGE : JobType.REGULAR);
                if (i >= 10_020) {
                    v.openFrom(LocalDate.of(2027, 1, 1)); // 20 regular jobs open only from January
                }
                vacancies.add(v.build());
            }
            assertThat(matcher.upsertVacancies(vacancies).rejected()).isEmpty();
            matcher.refresh();

            // December: 9,990 regular + 30 internships = 10,020, past the window, exact per job type
            AuditReport december = matcher.audit(AuditRequest.builder().day(DECEMBER).k(1).advice(0).build());
            assertThat(december.vacancies()).isEqualTo(10_020);
            assertThat(december.neverRecommended()).singleElement().satisfies(n -> {
                assertThat(n.id()).isEqualTo("p-declared");
                assertThat(n.reason()).isEqualTo(NeverRecommendedReason.OUTRANKED);
                assertThat(n.eligible()).isEqualTo(10_020);
            });
            assertThat(december.congestion().mostExposed()).containsExactly(10_020);

            // January: 10,010 regular jobs, more than one ranking can page through, and 30 internships: exact still
            AuditReport january = matcher.audit(AuditRequest.builder().day(JANUARY).k(1).advice(0).build());
            assertThat(january.neverRecommended()).singleElement().satisfies(n -> {
                assertThat(n.eligible()).isEqualTo(10_040);
            });
        }
    }
}
