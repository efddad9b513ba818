package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.Explanation;
import nl.werkmatch.matcher.taxonomy.Relation;

/** Scores worked out by hand from the definition in DESIGN.md, with the default weights 0.5/0.2/0.15/0.05/0.1. */
class HandWorkedScoresTest {
    private static final String UTRECHT = "GM0344";

    private static Profile.Builder welder(String id) {
        return Profile.builder(id).location(Location.municipality(UTRECHT))
                .dutch(DutchLevels.uniform(Cefr.A2)).education(EducationLevel.MBO2, true);
    }

    private static Vacancy.Builder weldingJob(String id) {
        return Vacancy.builder(id).title("Lasser").occupation("o-lasser").location(Location.municipality(UTRECHT))
                .skill("s-lassen", Importance.ESSENTIAL).dutch(DutchLevels.uniform(Cefr.A2))
                .educationLevel(EducationLevel.MBO2);
    }

    @Test
    void narrowerSkillCoversTheGeneralRequirementAndTheWholeScoreAddsUp() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(welder("p-1").skill("s-mig", Evidence.DECLARED).wantedOccupation("o-lasser").build());
            m.upsertVacancy(weldingJob("v-1").build());
            m.refresh();
            Explanation e = m.explain("p-1", "v-1");
            // credit = sim(narrower) 0.9 x evidence(declared) 0.8 = 0.72, at index precision (9 significant bits)
            // 0.71875; the one requirement has share 1; same place, same levels, wanted occupation
            double credit = 0.71875;
            assertThat(e.skills()).singleElement().satisfies(s -> {
                assertThat(s.coveredBy()).isEqualTo("s-mig");
                assertThat(s.relation()).isEqualTo(Relation.NARROWER);
                assertThat(s.credit()).isCloseTo(credit, within(1e-12));
            });
            assertThat(e.score()).isCloseTo(0.5 * credit + 0.2 + 0.15 + 0.05 + 0.1, within(1e-12));
            MatchPage page = m.candidatesFor("v-1", MatchRequest.builder().explain(true).build());
            assertThat(page.matches()).singleElement().satisfies(match -> {
                assertThat(match.score()).isCloseTo(e.score(), within(1e-12));
                assertThat(match.contributions().get(Component.SKILLS)).isCloseTo(0.5 * credit, within(1e-12));
            });
            assertThat(e.toText()).contains("has the more specific MIG/MAG-lassen");
        }
    }

    @Test
    void languageSupportLowersTheRequirementByOneLevel() {
        try (Matcher m = TinyWorld.matcher()) {
            Profile a1Speaking = welder("p-1").dutch(new DutchLevels(Cefr.A2, Cefr.A2, Cefr.A1, Cefr.A2)).build();
            m.upsertProfile(a1Speaking);
            m.upsertVacancy(weldingJob("v-support").languageSupport(true).build());
            m.upsertVacancy(weldingJob("v-plain").build());
            m.refresh();
            Explanation supported = m.explain("p-1", "v-support");
            assertThat(supported.language().value()).isEqualTo(1.0);
            assertThat(supported.language().skills().get(2).effectiveRequired()).isEqualTo(Cefr.A1);
            // without support speaking is one level short: (1 + 1 + 0.5 + 1) / 4
            Explanation plain = m.explain("p-1", "v-plain");
            assertThat(plain.language().value()).isEqualTo(0.875);
            assertThat(plain.score() - supported.score()).isCloseTo(-0.2 * 0.125, within(1e-12));
        }
    }

    @Test
    void englishStandsInForDutchWhereTheVacancyAcceptsIt() {
        try (Matcher m = TinyWorld.matcher()) {
            // a welder, so that the skill floor does not decide
            m.upsertProfile(welder("p-1").skill("s-lassen", Evidence.DECLARED).dutch(DutchLevels.uniform(Cefr.NONE))
                    .english(Cefr.B2).build());
            m.upsertVacancy(weldingJob("v-1").dutch(DutchLevels.uniform(Cefr.B1)).englishAccepted(Cefr.B1).build());
            m.refresh();
            Explanation e = m.explain("p-1", "v-1");
            assertThat(e.language().englishBridged()).isTrue();
            assertThat(e.language().value()).isEqualTo(1.0);
            assertThat(m.candidatesFor("v-1", MatchRequest.DEFAULT).matches()).hasSize(1);
        }
    }

    @Test
    void permitRequiredCandidateOnlyWhereTheEmployerSponsorsAWorkPermit() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(welder("p-asylum").workAuthorization(WorkAuthorization.PERMIT_REQUIRED)
                    .skill("s-lassen", Evidence.DECLARED).build());
            m.upsertProfile(welder("p-free").skill("s-lassen", Evidence.DECLARED).build());
            m.upsertVacancy(weldingJob("v-no-twv").permitSponsored(false).build());
            m.upsertVacancy(weldingJob("v-twv").permitSponsored(true).build());
            m.refresh();
            assertThat(m.candidatesFor("v-no-twv", MatchRequest.DEFAULT).matches()).extracting(Match::id)
                    .containsExactly("p-free");
            assertThat(m.candidatesFor("v-twv", MatchRequest.DEFAULT).matches()).extracting(Match::id)
                    .containsExactlyInAnyOrder("p-free", "p-asylum");
            assertThat(m.vacanciesFor("p-asylum", MatchRequest.DEFAULT).matches()).extracting(Match::id)
                    .containsExactly("v-twv");
        }
    }

    @Test
    void overQualifiedCandidateLosesLevelPoints() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(welder("p-wo").education(EducationLevel.WO, true).build());
            m.upsertVacancy(weldingJob("v-mbo1").educationLevel(EducationLevel.MBO1).build());
            m.refresh();
            Explanation e = m.explain("p-wo", "v-mbo1");
            // WO is five steps above MBO1: 1 for the first step, then 0.25 less a step, never below 0.25
            assertThat(e.level().steps()).isEqualTo(5);
            assertThat(e.level().qualification()).isEqualTo(Explanation.Qualification.OVER);
            assertThat(e.level().value()).isEqualTo(0.25);
            assertThat(e.toText()).contains("over-qualified");
        }
    }

    /**
     * An unrecognised HBO diploma counts as MBO4. For an MBO2 job that is two steps above (0.75) instead of three
     * (0.5): recognition costs level points. For an HBO job it is one step below (0.5) instead of a fit (1):
     * recognition earns them. Engine, explanation and text agree.
     */
    @Test
    void anUnrecognisedDiplomaCountsOneLevelLowerBothWays() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(welder("p-hbo-unrecognised").skill("s-lassen", Evidence.DECLARED)
                    .education(EducationLevel.HBO, false).build());
            m.upsertProfile(welder("p-hbo-recognised").skill("s-lassen", Evidence.DECLARED)
                    .education(EducationLevel.HBO, true).build());
            m.upsertVacancy(weldingJob("v-mbo2").educationLevel(EducationLevel.MBO2).build());
            m.upsertVacancy(weldingJob("v-hbo").educationLevel(EducationLevel.HBO).build());
            m.refresh();
            Explanation over = m.explain("p-hbo-unrecognised", "v-mbo2");
            assertThat(over.level().candidate()).isEqualTo(EducationLevel.HBO);
            assertThat(over.level().counted()).isEqualTo(EducationLevel.MBO4);
            assertThat(over.level().steps()).isEqualTo(2);
            assertThat(over.level().value()).isEqualTo(0.75);
            assertThat(over.toText()).contains("level: MBO4 is over-qualified for MBO2 (2 steps), diploma HBO not "
                    + "recognised, counted as MBO4");
            Explanation overRecognised = m.explain("p-hbo-recognised", "v-mbo2");
            assertThat(overRecognised.level().counted()).isEqualTo(EducationLevel.HBO);
            assertThat(overRecognised.level().value()).isEqualTo(0.5);
            assertThat(over.score() - overRecognised.score()).isCloseTo(0.05 * 0.25, within(1e-12));

            Explanation under = m.explain("p-hbo-unrecognised", "v-hbo");
            assertThat(under.level().qualification()).isEqualTo(Explanation.Qualification.UNDER);
            assertThat(under.level().value()).isEqualTo(0.5);
            assertThat(m.explain("p-hbo-recognised", "v-hbo").level().value()).isEqualTo(1.0);

            MatchPage page = m.candidatesFor("v-mbo2", MatchRequest.DEFAULT);
            assertThat(page.matches()).extracting(Match::id).containsExactly("p-hbo-unrecognised", "p-hbo-recognised");
            assertThat(page.matches().get(0).score()).isCloseTo(over.score(), within(1e-12));
            assertThat(m.vacanciesFor("p-hbo-recognised", MatchRequest.DEFAULT).matches()).extracting(Match::id)
                    .containsExactly("v-hbo", "v-mbo2");
        }
    }

    @Test
    void candidateBeyondTheirTravelLimitIsShownOnlyWhenTheConsultantRelaxesIt() {
        GeoPoint job = new GeoPoint(52.0907, 5.1214);
        GeoPoint home = new GeoPoint(52.0907 + 40 / 111.2, 5.1214);   // about 40 km north
        double km = home.distanceKm(job);
        assertThat(km).isCloseTo(40, within(0.5));
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(welder("p-far").skill("s-lassen", Evidence.DECLARED)
                    .location(Location.point(home.lat(), home.lon())).maxTravelKm(25).build());
            m.upsertVacancy(weldingJob("v-1").location(Location.point(job.lat(), job.lon())).build());
            m.refresh();
            assertThat(m.candidatesFor("v-1", MatchRequest.DEFAULT).matches()).isEmpty();
            assertThat(m.vacanciesFor("p-far", MatchRequest.DEFAULT).matches()).isEmpty();
            MatchPage relaxed = m.candidatesFor("v-1", MatchRequest.builder().ignoreTravelLimit(true).explain(true).build());
            assertThat(relaxed.matches()).singleElement().satisfies(match -> {
                assertThat(match.explanation().distance().km()).isCloseTo(km, within(1e-9));
                assertThat(match.explanation().distance().value()).isCloseTo(10 / (10 + km), within(1e-12));
            });
        }
    }

    @Test
    void workExperienceGivesTheOccupationsSkillsAsEvidence() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(welder("p-exp").experience("o-lasser", 4).build());
            m.upsertVacancy(weldingJob("v-1").build());
            m.refresh();
            Explanation e = m.explain("p-exp", "v-1");
            assertThat(e.skills()).singleElement().satisfies(s -> {
                assertThat(s.fromOccupation()).isEqualTo("o-lasser");
                assertThat(s.relation()).isEqualTo(Relation.EXACT);
                // experience of an essential skill for at least a year: 0.8, at index precision 0.798828125
                assertThat(s.credit()).isEqualTo(0.798828125);
            });
        }
    }

    @Test
    void invalidInputListsEveryProblemWithItsPathAndWritesNothing() {
        try (Matcher m = TinyWorld.matcher()) {
            Profile bad = welder("p-bad").skill("s-unknown", Evidence.DECLARED).experience("o-unknown", 2)
                    .location(Location.municipality("GM9999")).build();
            assertThat(m.validate(bad)).extracting(Problem::path)
                    .contains("skills[0].id", "experience[0].occupation", "location.municipality");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.upsertProfile(bad))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown skill \"s-unknown\"");
            m.refresh();
            assertThat(m.profileCount()).isZero();
        }
    }
}
