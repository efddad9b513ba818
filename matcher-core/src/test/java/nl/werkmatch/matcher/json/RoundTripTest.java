package nl.werkmatch.matcher.json;

import static nl.werkmatch.matcher.json.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.InburgeringRoute;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Support;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;

class RoundTripTest {
    private static final String LASSEN = "http://data.europa.eu/esco/skill/0a4a3b0e-5d4d-4ac1-9f41-5f2a2c7b2f11";
    private static final String LASSER = "http://data.europa.eu/esco/occupation/6c8f0a70-8d8a-4d0b-a7d3-4c1f7a0c9c21";

    // The examples of DESIGN.md, "Exchange format v1", with real-looking ids for the placeholders.
    private static final String DESIGN_PROFILE = """
            {"id":"p-1","workAuthorization":"FREE","location":{"municipality":"GM0363"},"maxTravelKm":25,
             "skills":[{"id":"<skill id>","evidence":"DECLARED"}],"experience":[{"occupation":"<occupation id>","years":4}],
             "dutch":{"listening":"A2","reading":"A1","speaking":"A2","writing":"A1"},"english":"B1",
             "otherLanguages":["ar","ti"],"education":{"level":"MBO2","recognized":false},"inburgeringRoute":"B1",
             "hours":{"min":16,"max":32},"availableFrom":"2026-12-01","jobTypes":["REGULAR","LEERWERKTRAJECT"],
             "wants":{"occupations":["<occupation id>"]},"audit":{"gender":"F","birthYear":1990,"countryOfOrigin":"SY"}}
            """.replace("<skill id>", LASSEN).replace("<occupation id>", LASSER);
    private static final String DESIGN_VACANCY = """
            {"id":"v-1","title":"Productiemedewerker","description":"...","employer":"Acme BV",
             "occupation":"<occupation id>","location":{"postcode":"5611"},"remote":false,
             "skills":[{"id":"<skill id>","importance":"ESSENTIAL"}],
             "dutch":{"listening":"A2","reading":"A1","speaking":"A2","writing":"A1"},"englishAccepted":"B1",
             "languageSupport":true,"educationLevel":"MBO2","jobType":"REGULAR","hours":{"min":24,"max":32},
             "positions":3,"permitSponsored":true,"openFrom":"2026-11-01","openUntil":"2027-01-31",
             "support":["JOBCOACH","LANGUAGE_BUDDY"]}
            """.replace("<skill id>", LASSEN).replace("<occupation id>", LASSER);

    private final ExchangeFormat format = ExchangeFormat.create();

    @Test
    void designProfileExampleParses() {
        Profile p = format.readProfile(DESIGN_PROFILE);

        assertThat(p).isEqualTo(Profile.builder("p-1")
                .workAuthorization(WorkAuthorization.FREE)
                .location(Location.municipality("GM0363"))
                .maxTravelKm(25)
                .skill(LASSEN, Evidence.DECLARED)
                .experience(LASSER, 4)
                .dutch(new DutchLevels(Cefr.A2, Cefr.A1, Cefr.A2, Cefr.A1))
                .english(Cefr.B1)
                .otherLanguages(List.of("ar", "ti"))
                .education(EducationLevel.MBO2, false)
                .inburgeringRoute(InburgeringRoute.B1)
                .hours(16, 32)
                .availableFrom(LocalDate.of(2026, 12, 1))
                .jobTypes(Set.of(JobType.REGULAR, JobType.LEERWERKTRAJECT))
                .wantedOccupation(LASSER)
                .audit(new Audit("F", 1990, "SY"))
                .build());
    }

    @Test
    void designVacancyExampleParses() {
        Vacancy v = format.readVacancy(DESIGN_VACANCY);

        assertThat(v).isEqualTo(Vacancy.builder("v-1")
                .title("Productiemedewerker").description("...").employer("Acme BV")
                .occupation(LASSER)
                .location(Location.postcode("5611"))
                .skill(LASSEN, Importance.ESSENTIAL)
                .dutch(new DutchLevels(Cefr.A2, Cefr.A1, Cefr.A2, Cefr.A1))
                .englishAccepted(Cefr.B1)
                .languageSupport(true)
                .educationLevel(EducationLevel.MBO2)
                .jobType(JobType.REGULAR)
                .hours(24, 32)
                .positions(3)
                .permitSponsored(true)
                .openFrom(LocalDate.of(2026, 11, 1)).openUntil(LocalDate.of(2027, 1, 31))
                .support(Set.of(Support.JOBCOACH, Support.LANGUAGE_BUDDY))
                .build());
    }

    @Test
    void writesTheDesignProfileBackInTheDesignsFieldOrder() {
        String compact = DESIGN_PROFILE.replace("\n ", "").strip();

        assertThat(format.writeProfile(format.readProfile(DESIGN_PROFILE))).isEqualTo(compact);
    }

    @Test
    void writesTheDesignVacancyBackLeavingOutDefaults() {
        String compact = DESIGN_VACANCY.replace("\n ", "").strip()
                .replace("\"remote\":false,", "").replace("\"jobType\":\"REGULAR\",", "");

        assertThat(format.writeVacancy(format.readVacancy(DESIGN_VACANCY))).isEqualTo(compact);
    }

    @Test
    void profileWithEveryFieldSurvivesARoundTrip() {
        Profile p = Profile.builder("p-42")
                .workAuthorization(WorkAuthorization.PERMIT_REQUIRED)
                .location(Location.point(52.0907, 5.1214))
                .maxTravelKm(0)
                .skill("s-lassen", Evidence.CERTIFIED)
                .skill("s-metaalbewerking", Evidence.INFERRED)
                .skill("s-veiligheid", Evidence.ASSESSED)
                .experience("o-lasser", 2.5)
                .experience("o-monteur", 0)
                .dutch(new DutchLevels(Cefr.B1, Cefr.A2, Cefr.B2, Cefr.NONE))
                .english(Cefr.C2)
                .otherLanguages(List.of("ar", "fa", "tir"))
                .education(EducationLevel.HBO, true)
                .inburgeringRoute(InburgeringRoute.ONDERWIJS)
                .hours(0, 60)
                .hours(8, 40)
                .availableFrom(LocalDate.of(2027, 2, 28))
                .jobTypes(EnumSet.allOf(JobType.class))
                .wantedOccupations(List.of("o-lasser", "o-monteur"))
                .audit(new Audit("X", 2001, "ERI"))
                .build();

        String line = format.writeProfile(p);

        assertThat(line).doesNotContain("\n");
        assertThat(format.readProfile(line)).isEqualTo(p);
        assertThat(format.readProfile(format.toJson(p))).isEqualTo(p);
    }

    @Test
    void vacancyWithEveryFieldSurvivesARoundTrip() {
        Vacancy v = Vacancy.builder("v-42")
                .title("Lasser (m/v/x) – Eindhoven")
                .description("Wij zoeken een lasser.\nTaal op de werkvloer: een buddy helpt je.\t\"Welkom!\"")
                .employer("Metaal & Co BV")
                .occupation("o-lasser")
                .location(Location.municipality("GM0772"))
                .remote(true)
                .skill("s-lassen", Importance.ESSENTIAL)
                .skill("s-veiligheid", Importance.IMPORTANT)
                .skill("s-heftruck", Importance.OPTIONAL)
                .dutch(new DutchLevels(Cefr.A2, Cefr.A1, Cefr.A2, Cefr.NONE))
                .englishAccepted(Cefr.B1)
                .languageSupport(true)
                .educationLevel(EducationLevel.MBO3)
                .jobType(JobType.LEERWERKTRAJECT)
                .hours(24, 38)
                .positions(10_000)
                .permitSponsored(true)
                .openFrom(LocalDate.of(2026, 11, 1))
                .openUntil(LocalDate.of(2027, 1, 31))
                .support(EnumSet.allOf(Support.class))
                .build();

        String line = format.writeVacancy(v);

        assertThat(line).doesNotContain("\n");
        assertThat(format.readVacancy(line)).isEqualTo(v);
    }

    @Test
    void profileWithOnlyRequiredFieldsSurvivesARoundTrip() {
        Profile p = Profile.builder("p-min").workAuthorization(WorkAuthorization.NOT_ALLOWED)
                .location(Location.postcode("9999")).build();

        String line = format.writeProfile(p);

        assertThat(line).isEqualTo(json("{'id':'p-min','workAuthorization':'NOT_ALLOWED','location':{'postcode':'9999'}}"));
        assertThat(format.readProfile(line)).isEqualTo(p);
    }

    @Test
    void vacancyWithOnlyRequiredFieldsSurvivesARoundTrip() {
        Vacancy located = Vacancy.builder("v-min").location(Location.municipality("GM0363")).build();
        Vacancy remote = Vacancy.builder("v-remote").remote(true).build();

        assertThat(format.writeVacancy(located)).isEqualTo(json("{'id':'v-min','location':{'municipality':'GM0363'}}"));
        assertThat(format.writeVacancy(remote)).isEqualTo(json("{'id':'v-remote','remote':true}"));
        assertThat(format.readVacancy(format.writeVacancy(located))).isEqualTo(located);
        assertThat(format.readVacancy(format.writeVacancy(remote))).isEqualTo(remote);
    }

    @Test
    void setsAreWrittenInDeclarationOrder() {
        Profile p = Profile.builder("p-2").location(Location.municipality("GM0363"))
                .jobTypes(Set.of(JobType.VRIJWILLIGERSWERK, JobType.REGULAR, JobType.STAGE)).build();

        ObjectNode tree = format.toJson(p);

        assertThat(tree.get("jobTypes").toString()).isEqualTo(json("['REGULAR','STAGE','VRIJWILLIGERSWERK']"));
    }

    @Test
    void nonAsciiTextIsKeptAsIs() {
        Vacancy v = Vacancy.builder("v-ar").title("عامل إنتاج").remote(true).build();

        assertThat(format.writeVacancy(v)).contains("عامل إنتاج");
        assertThat(format.readVacancy(format.writeVacancy(v))).isEqualTo(v);
    }
}
