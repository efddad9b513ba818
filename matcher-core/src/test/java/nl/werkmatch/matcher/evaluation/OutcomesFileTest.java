package nl.werkmatch.matcher.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;

class OutcomesFileTest {

    private static List<Outcome> read(String text) throws IOException {
        return OutcomesFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> problems(String text) {
        try {
            read(text);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(Problem::toString).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no problems reported for: " + text);
    }

    @Test
    void readsEveryOutcomeWithItsGrade() throws IOException {
        List<Outcome> outcomes = read("""
                {"profile":"p-1","vacancy":"v-1","outcome":"HIRED","date":"2026-05-14"}

                {"profile":"p-2","vacancy":"v-1","outcome":"INTERVIEWED"}
                {"profile":"p-3","vacancy":"v-1","outcome":"PROPOSED","date":null}
                {"profile":"p-1","vacancy":"v-2","outcome":"REJECTED","date":"2026-06-01"}
                """);
        assertThat(outcomes).containsExactly(
                new Outcome("p-1", "v-1", OutcomeKind.HIRED, LocalDate.of(2026, 5, 14)),
                new Outcome("p-2", "v-1", OutcomeKind.INTERVIEWED, null),
                new Outcome("p-3", "v-1", OutcomeKind.PROPOSED, null),
                new Outcome("p-1", "v-2", OutcomeKind.REJECTED, LocalDate.of(2026, 6, 1)));
        assertThat(outcomes).extracting(Outcome::grade).containsExactly(3, 2, 1, 0);
    }

    @Test
    void namesEveryBadLineWithItsNumberAndFieldAndReadsNothing() {
        List<String> problems = problems("""
                {"profile":"p-1","vacancy":"v-1","outcome":"HIRED"}
                {"profile":"p-2","vacancy":"v-1","outcome":"WON"}
                {"profile":7,"vacancy":" v-1","outcome":"HIRED","date":"2026-13-01","score":1}
                not json
                {"vacancy":"v-3","outcome":"PROPOSED"}
                ["p-1"]
                {"profile":"p-1","vacancy":"v-1","outcome":"REJECTED"}
                """);
        assertThat(problems).containsExactly(
                "line 2: outcome: \"WON\" is not one of HIRED, INTERVIEWED, PROPOSED, REJECTED",
                "line 3: score: unknown field; the known ones are profile, vacancy, outcome, date",
                "line 3: profile: must be a string (an id), got 7",
                "line 3: vacancy: \" v-1\" is not an id: 1 to 128 characters, no spaces around it",
                "line 3: date: \"2026-13-01\" is not a valid date; use yyyy-MM-dd, e.g. 2026-05-14",
                problems.get(5),
                "line 5: profile: missing; the id of the profile",
                "line 6: must be a JSON object with fields profile, vacancy, outcome, date",
                "line 7: the same profile and vacancy as line 1; keep one outcome per pair (the last one that happened)");
        assertThat(problems.get(5)).startsWith("line 4: not valid JSON");
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThat(problems("\n\n")).containsExactly("the outcomes file holds no outcomes");
    }

    @Test
    void stopsListingAfterAHundredProblemsButCountsTheBadLines() {
        String bad = "{\"profile\":\"p\",\"vacancy\":\"v\",\"outcome\":\"?\"}\n".repeat(150);
        List<String> problems = problems(bad);
        assertThat(problems).hasSize(OutcomesFile.MAX_REPORTED + 1);
        assertThat(problems.get(problems.size() - 1)).contains("150 lines are bad");
    }

    @Test
    void writtenOutcomesReadBackEqual() throws IOException {
        List<Outcome> outcomes = List.of(new Outcome("p-1", "v-1", OutcomeKind.HIRED, LocalDate.of(2026, 1, 2)),
                new Outcome("p-\"2\"", "v-é", OutcomeKind.REJECTED, null));
        StringWriter out = new StringWriter();
        OutcomesFile.write(outcomes, out);
        assertThat(read(out.toString())).isEqualTo(outcomes);
    }
}
