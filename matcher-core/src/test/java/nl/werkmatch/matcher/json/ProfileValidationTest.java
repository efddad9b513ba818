package nl.werkmatch.matcher.json;

import static nl.werkmatch.matcher.json.Fixtures.PROFILE;
import static nl.werkmatch.matcher.json.Fixtures.json;
import static nl.werkmatch.matcher.json.Fixtures.problems;
import static nl.werkmatch.matcher.json.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;

class ProfileValidationTest {
    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final ExchangeFormat format = ExchangeFormat.create(null, IN_2026);

    /** field, value (single-quoted JSON, null to remove the field), path of the one problem, words its message must hold. */
    static Stream<Arguments> oneProblem() {
        return Stream.of(
                // unknown fields, with the allowed names
                arguments("nmae", "'Ali'", "nmae", List.of("unknown field", "allowed: id, workAuthorization, location,")),
                arguments("ID", "'x'", "ID", List.of("unknown field (did you mean id?)")),
                arguments("dutch", "{'speeking':'A2'}", "dutch.speeking", List.of("unknown field", "allowed: listening, reading, speaking, writing")),
                arguments("wants", "{'occupation':['o-1']}", "wants.occupation", List.of("unknown field", "allowed: occupations")),
                arguments("audit", "{'religion':'x'}", "audit.religion", List.of("unknown field", "allowed: gender, birthYear, countryOfOrigin")),
                // ids
                arguments("id", null, "id", List.of("missing", "needs an id")),
                arguments("id", "null", "id", List.of("missing")),
                arguments("id", "''", "id", List.of("blank")),
                arguments("id", "'   '", "id", List.of("blank")),
                arguments("id", "'" + "x".repeat(129) + "'", "id", List.of("129 characters, more than the limit of 128")),
                arguments("id", "'p\\u0007'", "id", List.of("control character U+0007")),
                arguments("id", "' p-1'", "id", List.of("starts or ends with a space")),
                // JSON types
                arguments("id", "42", "id", List.of("expected a string, got a number (42)")),
                arguments("maxTravelKm", "'25'", "maxTravelKm", List.of("expected a whole number, got a string (\"25\")")),
                arguments("maxTravelKm", "25.5", "maxTravelKm", List.of("expected a whole number, got 25.5")),
                arguments("skills", "{'id':'s'}", "skills", List.of("expected an array, got an object")),
                arguments("dutch", "'B1'", "dutch", List.of("expected an object, got a string")),
                arguments("education", "'MBO2'", "education", List.of("expected an object, got a string")),
                arguments("jobTypes", "[true]", "jobTypes[0]", List.of("expected a string, got a boolean (true)")),
                // enums
                arguments("workAuthorization", null, "workAuthorization", List.of("missing", "FREE, PERMIT_REQUIRED or NOT_ALLOWED")),
                arguments("workAuthorization", "'free'", "workAuthorization", List.of("\"free\" is not a work authorization (did you mean FREE?)", "allowed: FREE, PERMIT_REQUIRED, NOT_ALLOWED")),
                arguments("inburgeringRoute", "'B2'", "inburgeringRoute", List.of("is not an inburgering route", "allowed: B1, Z, ONDERWIJS, NONE")),
                arguments("jobTypes", "['REGULAR','JOB']", "jobTypes[1]", List.of("\"JOB\" is not a job type", "allowed: REGULAR, STARTBAAN,")),
                arguments("skills", "[{'id':'s-1','evidence':'CLAIMED'}]", "skills[0].evidence", List.of("is not a kind of evidence", "allowed: DECLARED, ASSESSED, CERTIFIED, INFERRED")),
                arguments("education", "{'level':'MBO5'}", "education.level", List.of("is not an education level", "allowed: NONE, PRIMARY, MBO1")),
                // CEFR
                arguments("dutch", "{'speaking':'B3'}", "dutch.speaking", List.of("\"B3\" is not a CEFR level", "allowed: NONE, A1, A2, B1, B2, C1, C2")),
                arguments("english", "'b1'", "english", List.of("is not a CEFR level (did you mean B1?)")),
                // hours
                arguments("hours", "{'min':40,'max':32}", "hours.min", List.of("40 is more than hours.max 32")),
                arguments("hours", "{'min':0,'max':70}", "hours.max", List.of("70 is above the maximum 60 hours")),
                arguments("hours", "{'min':-1,'max':8}", "hours.min", List.of("-1 is below the minimum 0 hours")),
                arguments("hours", "{'min':8}", "hours.max", List.of("missing", "both min and max")),
                // numbers
                arguments("maxTravelKm", "-5", "maxTravelKm", List.of("-5 is below the minimum 0 km", "allowed 0-300 km")),
                arguments("maxTravelKm", "301", "maxTravelKm", List.of("301 is above the maximum 300 km")),
                arguments("maxTravelKm", "99999999999999999999", "maxTravelKm", List.of("above the maximum 300 km")),
                arguments("experience", "[{'occupation':'o-1','years':61}]", "experience[0].years", List.of("61 is above the maximum 60 years")),
                arguments("experience", "[{'occupation':'o-1','years':-0.5}]", "experience[0].years", List.of("-0.5 is below the minimum 0 years")),
                arguments("experience", "[{'years':2}]", "experience[0].occupation", List.of("missing")),
                arguments("audit", "{'birthYear':1899}", "audit.birthYear", List.of("1899 is below the minimum 1900")),
                arguments("audit", "{'birthYear':2027}", "audit.birthYear", List.of("2027 is above the maximum 2026")),
                arguments("audit", "{'countryOfOrigin':'Syria'}", "audit.countryOfOrigin", List.of("not an ISO 3166 country code")),
                // dates
                arguments("availableFrom", "'2026-13-01'", "availableFrom", List.of("\"2026-13-01\" is not a valid date; use yyyy-MM-dd")),
                arguments("availableFrom", "'2026-02-30'", "availableFrom", List.of("is not a valid date")),
                arguments("availableFrom", "'01-12-2026'", "availableFrom", List.of("is not a valid date")),
                arguments("availableFrom", "'2026-12-01T00:00'", "availableFrom", List.of("is not a valid date")),
                // location
                arguments("location", null, "location", List.of("missing", "municipality, postcode or lat/lon")),
                arguments("location", "'Amsterdam'", "location", List.of("expected an object, got a string")),
                arguments("location", "{}", "location", List.of("give exactly one of municipality")),
                arguments("location", "{'municipality':'GM0363','postcode':'5611'}", "location", List.of("exactly one", "not municipality and postcode")),
                arguments("location", "{'postcode':'5611','lat':52.1,'lon':5.1}", "location", List.of("not postcode and lat/lon")),
                arguments("location", "{'lat':52.1}", "location.lon", List.of("missing; lat and lon go together")),
                arguments("location", "{'lat':48.85,'lon':5.1}", "location.lat", List.of("48.85 is outside the Netherlands", "50.70-53.60")),
                arguments("location", "{'lat':52.1,'lon':7.5}", "location.lon", List.of("outside the Netherlands", "3.30-7.25")),
                arguments("location", "{'lat':'52.1','lon':5.1}", "location.lat", List.of("expected a number, got a string")),
                arguments("location", "{'municipality':'GM363'}", "location.municipality", List.of("\"GM363\" is not a CBS municipality code", "GM and 4 digits")),
                arguments("location", "{'municipality':'gm0363'}", "location.municipality", List.of("is not a CBS municipality code")),
                arguments("location", "{'municipality':363}", "location.municipality", List.of("expected a string, got a number")),
                arguments("location", "{'postcode':5611}", "location.postcode", List.of("expected a string, got a number (5611)", "in quotes")),
                arguments("location", "{'postcode':'0999'}", "location.postcode", List.of("is not a Dutch postcode", "1000-9999")),
                arguments("location", "{'postcode':'56111'}", "location.postcode", List.of("is not a Dutch postcode")),
                arguments("location", "{'postcode':'5611 AB'}", "location.postcode", List.of("full postcode; give only its 4 digits")),
                // duplicates
                arguments("skills", "[{'id':'s-1','evidence':'DECLARED'},{'id':'s-2','evidence':'DECLARED'},{'id':'s-3','evidence':'DECLARED'},{'id':'s-2','evidence':'ASSESSED'}]",
                        "skills[3].id", List.of("\"s-2\" is a duplicate of skills[1]")),
                arguments("jobTypes", "['STAGE','REGULAR','STAGE']", "jobTypes[2]", List.of("STAGE is a duplicate of jobTypes[0]")),
                arguments("otherLanguages", "['ar','ti','ar']", "otherLanguages[2]", List.of("\"ar\" is a duplicate of otherLanguages[0]")),
                arguments("wants", "{'occupations':['o-1','o-1']}", "wants.occupations[1]", List.of("duplicate of wants.occupations[0]")),
                // skills and occupations: only non-blank and length, no taxonomy
                arguments("skills", "[{'id':' ','evidence':'DECLARED'}]", "skills[0].id", List.of("blank")),
                arguments("skills", "[{'id':'" + "s".repeat(129) + "','evidence':'DECLARED'}]", "skills[0].id", List.of("limit of 128")),
                arguments("skills", "[{'id':'s-1'}]", "skills[0].evidence", List.of("missing", "DECLARED, ASSESSED, CERTIFIED or INFERRED")),
                arguments("skills", "['s-1']", "skills[0]", List.of("expected an object, got a string")),
                arguments("wants", "{'occupations':['']}", "wants.occupations[0]", List.of("blank")),
                arguments("education", "{'recognized':true}", "education.level", List.of("missing")),
                arguments("education", "{'level':'MBO2','recognized':'yes'}", "education.recognized", List.of("expected true or false, got a string")),
                // list limits
                arguments("skills", list(201, i -> "{'id':'s-" + i + "','evidence':'DECLARED'}"), "skills", List.of("201 entries, more than the limit of 200")),
                arguments("experience", list(51, i -> "{'occupation':'o-" + i + "','years':1}"), "experience", List.of("51 entries, more than the limit of 50")),
                arguments("otherLanguages", list(21, i -> "'" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "'"), "otherLanguages", List.of("21 entries, more than the limit of 20")),
                arguments("wants", "{'occupations':" + list(51, i -> "'o-" + i + "'") + "}", "wants.occupations", List.of("51 entries, more than the limit of 50")),
                arguments("jobTypes", "['REGULAR','STARTBAAN','LEERWERKTRAJECT','WERKERVARINGSPLAATS','PROEFPLAATSING','STAGE','VRIJWILLIGERSWERK','REGULAR']",
                        "jobTypes", List.of("8 entries, more than the limit of 7")),
                // languages
                arguments("otherLanguages", "['ar','Arabic']", "otherLanguages[1]", List.of("\"Arabic\" is not an ISO 639 language code", "2 or 3 lowercase letters")),
                arguments("otherLanguages", "['AR']", "otherLanguages[0]", List.of("is not an ISO 639 language code")),
                arguments("otherLanguages", "['a']", "otherLanguages[0]", List.of("is not an ISO 639 language code")));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @MethodSource("oneProblem")
    void reportsOneProblemAtItsPath(String field, String value, String path, List<String> words) {
        List<Problem> problems = problems(() -> format.readProfile(with(PROFILE, field, value)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(words);
        });
    }

    @Test
    void nullMeansAbsentForOptionalFields() {
        Profile p = format.readProfile(with(with(PROFILE, "maxTravelKm", "null"), "audit", "null"));

        assertThat(p.maxTravelKm()).isNull();
    }

    @Test
    void numbersTooLargeForADoubleAreRejected() {
        // Written as text: a tree would turn 1e999 into Infinity before the format sees it.
        String json = json("{'id':'p-1','workAuthorization':'FREE','location':{'lat':52.1,'lon':1e999},'maxTravelKm':-1e999}");

        assertThat(problems(() -> format.readProfile(json))).containsExactly(
                new Problem("location.lon", "the number is too large to use"),
                new Problem("maxTravelKm", "the number is too large to use"));
    }

    @Test
    void wholeNumberWrittenWithFractionIsAccepted() {
        assertThat(format.readProfile(with(PROFILE, "maxTravelKm", "25.0")).maxTravelKm()).isEqualTo(25);
    }

    @Test
    void reportsEveryProblemOfOneObject() {
        String json = json("{'id':' ','workAuthorization':'FREE','location':{'municipality':'GM0363'},"
                + "'dutch':{'speaking':'B3'},'hours':{'min':40,'max':32},'favouriteColour':'blue',"
                + "'skills':[{'id':'s-1','evidence':'DECLARED'},{'id':'s-1','evidence':'ASSESSED'}]}");

        List<Problem> problems = problems(() -> format.readProfile(json));

        assertThat(problems).extracting(Problem::path)
                .containsExactlyInAnyOrder("id", "dutch.speaking", "hours.min", "favouriteColour", "skills[1].id");
        assertThat(problems).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("blank"))
                .anySatisfy(m -> assertThat(m).contains("not a CEFR level"))
                .anySatisfy(m -> assertThat(m).contains("more than hours.max"))
                .anySatisfy(m -> assertThat(m).contains("unknown field"))
                .anySatisfy(m -> assertThat(m).contains("duplicate of skills[0]"));
    }

    @Test
    void listsAtMostAHundredProblemsAndCountsTheRest() {
        String skills = list(150, i -> "{'id':'s-" + i + "','evidence':'WRONG'}");

        List<Problem> problems = problems(() -> format.readProfile(with(PROFILE, "skills", skills)));

        assertThat(problems).hasSize(101);
        assertThat(problems.get(100).message()).isEqualTo("and 50 more problems not listed");
    }

    @Test
    void anOddUnknownFieldNameIsQuotedInThePath() {
        List<Problem> problems = problems(() -> format.readProfile(with(PROFILE, "a b", "1")));

        assertThat(problems).singleElement().extracting(Problem::path).isEqualTo("[\"a b\"]");
    }

    static Stream<Arguments> notJson() {
        return Stream.of(
                arguments("[1,2]", "expected a JSON object, got an array"),
                arguments("\"p-1\"", "expected a JSON object, got a string"),
                arguments("42", "expected a JSON object, got a number"),
                arguments("null", "expected a JSON object, got null"),
                arguments("", "no JSON value"),
                arguments("   ", "no JSON value"),
                arguments("{\"id\": }", "invalid JSON at line 1, column 8"),
                arguments("{\"id\":\"p-1\",\n \"workAuthorization\":\"FREE\",\n oops}", "invalid JSON at line 3, column 2"),
                arguments("{\"id\":\"p-1\",\"workAuthorization\":\"FR", "the text ends before the JSON value is complete"),
                arguments("{\"id\":\"p-1\",\"id\":\"p-2\"}", "Duplicate field 'id'"),
                arguments("{\"id\":\"p-1\"} {\"id\":\"p-2\"}", "invalid JSON"));
    }

    @ParameterizedTest(name = "[{index}] expects {1}")
    @MethodSource("notJson")
    void reportsTextThatIsNoObjectWithAnEmptyPath(String text, String words) {
        List<Problem> problems = problems(() -> format.readProfile(text));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEmpty();
            assertThat(p.message()).contains(words);
        });
    }

    @Test
    void aLocationCheckRejectsPlacesThatDoNotExist() {
        LocationCheck check = new LocationCheck() {
            @Override
            public boolean municipalityExists(String code) {
                return code.equals("GM0363");
            }

            @Override
            public boolean postcodeExists(String pc4) {
                return pc4.equals("5611");
            }
        };
        ExchangeFormat checked = ExchangeFormat.create(check);

        assertThat(problems(() -> checked.readProfile(with(PROFILE, "location", "{'municipality':'GM9999'}"))))
                .containsExactly(new Problem("location.municipality", "unknown municipality code GM9999"));
        assertThat(problems(() -> checked.readProfile(with(PROFILE, "location", "{'postcode':'9999'}"))))
                .containsExactly(new Problem("location.postcode", "unknown postcode 9999"));
        assertThat(checked.readProfile(with(PROFILE, "location", "{'postcode':'5611'}")).location())
                .isEqualTo(Location.postcode("5611"));
        // Without a check only the shape counts.
        assertThat(format.readProfile(with(PROFILE, "location", "{'municipality':'GM9999'}")).location())
                .isEqualTo(Location.municipality("GM9999"));
    }

    @Test
    void readsAJsonTreeAsWellAsText() {
        Profile p = format.readProfile(Fixtures.tree(PROFILE));

        assertThat(p.id()).isEqualTo("p-1");
        assertThat(p.jobTypes()).isEqualTo(Set.of());
    }

    private static String list(int n, java.util.function.IntFunction<String> element) {
        return IntStream.range(0, n).mapToObj(element).collect(Collectors.joining(",", "[", "]"));
    }
}
