package nl.werkmatch.matcher.json;

import static nl.werkmatch.matcher.json.Fixtures.VACANCY;
import static nl.werkmatch.matcher.json.Fixtures.json;
import static nl.werkmatch.matcher.json.Fixtures.problems;
import static nl.werkmatch.matcher.json.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.model.Vacancy;

class VacancyValidationTest {
    private final ExchangeFormat format = ExchangeFormat.create();

    /** field, value (single-quoted JSON, null to remove the field), path of the one problem, words its message must hold. */
    static Stream<Arguments> oneProblem() {
        return Stream.of(
                arguments("salary", "3000", "salary", List.of("unknown field", "allowed: id, title, description, employer, occupation,")),
                arguments("id", null, "id", List.of("missing", "every vacancy needs an id")),
                arguments("id", "'\\t'", "id", List.of("blank")),
                arguments("location", null, "location", List.of("missing; a vacancy that is not remote needs a location")),
                arguments("remote", "'yes'", "remote", List.of("expected true or false, got a string (\"yes\")")),
                arguments("title", "'" + "t".repeat(201) + "'", "title", List.of("201 characters, more than the limit of 200")),
                arguments("title", "'Kok\\nen afwasser'", "title", List.of("control character U+000A", "one line")),
                arguments("title", "12", "title", List.of("expected a string, got a number (12)")),
                arguments("description", "'" + "d".repeat(10_001) + "'", "description", List.of("10001 characters, more than the limit of 10000")),
                arguments("description", "'bell\\u0007'", "description", List.of("control character U+0007")),
                arguments("employer", "'" + "e".repeat(201) + "'", "employer", List.of("201 characters, more than the limit of 200")),
                arguments("occupation", "''", "occupation", List.of("blank")),
                arguments("positions", "0", "positions", List.of("0 is below the minimum 1", "allowed 1-10000")),
                arguments("positions", "10001", "positions", List.of("10001 is above the maximum 10000")),
                arguments("positions", "2.5", "positions", List.of("expected a whole number, got 2.5")),
                arguments("openFrom", "'2026-11-31'", "openFrom", List.of("\"2026-11-31\" is not a valid date; use yyyy-MM-dd")),
                arguments("openUntil", "20270131", "openUntil", List.of("expected a string, got a number")),
                arguments("jobType", "'regular'", "jobType", List.of("\"regular\" is not a job type (did you mean REGULAR?)", "allowed: REGULAR, STARTBAAN, LEERWERKTRAJECT, WERKERVARINGSPLAATS, PROEFPLAATSING, STAGE, VRIJWILLIGERSWERK")),
                arguments("educationLevel", "'BACHELOR'", "educationLevel", List.of("is not an education level", "allowed: NONE, PRIMARY, MBO1, MBO2, MBO3, MBO4, HBO, WO")),
                arguments("englishAccepted", "'B3'", "englishAccepted", List.of("\"B3\" is not a CEFR level")),
                arguments("dutch", "{'writing':'A0'}", "dutch.writing", List.of("\"A0\" is not a CEFR level")),
                arguments("support", "['JOBCOACH','COACH']", "support[1]", List.of("\"COACH\" is not a kind of support", "allowed: JOBCOACH, LANGUAGE_BUDDY")),
                arguments("support", "['MENTOR','MENTOR']", "support[1]", List.of("MENTOR is a duplicate of support[0]")),
                arguments("languageSupport", "1", "languageSupport", List.of("expected true or false, got a number")),
                arguments("skills", "[{'id':'s-1'}]", "skills[0].importance", List.of("missing", "ESSENTIAL, IMPORTANT or OPTIONAL")),
                arguments("skills", "[{'id':'s-1','importance':'MUST'}]", "skills[0].importance", List.of("\"MUST\" is not an importance", "allowed: ESSENTIAL, IMPORTANT, OPTIONAL")),
                arguments("skills", "[{'id':'s-1','importance':'ESSENTIAL','level':3}]", "skills[0].level", List.of("unknown field", "allowed: id, importance")),
                arguments("skills", "[{'id':'s-1','importance':'ESSENTIAL'},{'id':'s-1','importance':'OPTIONAL'}]", "skills[1].id", List.of("duplicate of skills[0]")),
                arguments("hours", "{'min':24,'max':61}", "hours.max", List.of("61 is above the maximum 60 hours")));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @MethodSource("oneProblem")
    void reportsOneProblemAtItsPath(String field, String value, String path, List<String> words) {
        List<Problem> problems = problems(() -> format.readVacancy(with(VACANCY, field, value)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(words);
        });
    }

    @Test
    void aRemoteVacancyNeedsNoLocation() {
        Vacancy v = format.readVacancy(json("{'id':'v-2','remote':true}"));

        assertThat(v.remote()).isTrue();
        assertThat(v.location()).isNull();
    }

    @Test
    void aVacancyWithRemoteFalseAndNoLocationIsRejected() {
        assertThat(problems(() -> format.readVacancy(json("{'id':'v-2','remote':false}"))))
                .extracting(Problem::path).containsExactly("location");
    }

    @Test
    void aDescriptionMayHaveLineBreaks() {
        Vacancy v = format.readVacancy(with(VACANCY, "description", "'Wij zoeken:\\n- een lasser\\n- een kok'"));

        assertThat(v.description()).contains("\n- een kok");
    }

    @Test
    void openUntilBeforeOpenFromIsRejected() {
        String json = with(with(VACANCY, "openFrom", "'2026-11-01'"), "openUntil", "'2026-10-31'");

        assertThat(problems(() -> format.readVacancy(json))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("openUntil");
            assertThat(p.message()).contains("2026-10-31 is before openFrom 2026-11-01");
        });
    }

    @Test
    void openingAndClosingOnTheSameDayIsFine() {
        String json = with(with(VACANCY, "openFrom", "'2026-11-01'"), "openUntil", "'2026-11-01'");

        assertThat(format.readVacancy(json).isOpenOn(java.time.LocalDate.of(2026, 11, 1))).isTrue();
    }

    @Test
    void reportsEveryProblemOfOneVacancy() {
        String json = json("{'id':'v-3','title':7,'jobType':'JOB','positions':0,'openFrom':'2026-1-1','support':['X'],"
                + "'hours':{'min':30,'max':20}}");

        assertThat(problems(() -> format.readVacancy(json))).extracting(Problem::path)
                .containsExactlyInAnyOrder("title", "location", "jobType", "positions", "openFrom", "support[0]", "hours.min");
    }
}
