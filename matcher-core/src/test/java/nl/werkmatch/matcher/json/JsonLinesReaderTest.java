package nl.werkmatch.matcher.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.json.JsonLinesReader.Line;
import nl.werkmatch.matcher.json.JsonLinesReader.Mode;
import nl.werkmatch.matcher.json.JsonLinesReader.Summary;
import nl.werkmatch.matcher.model.Profile;

class JsonLinesReaderTest {
    private static final String GOOD = "{\"id\":\"%s\",\"workAuthorization\":\"FREE\",\"location\":{\"municipality\":\"GM0363\"}}";

    private final ExchangeFormat format = ExchangeFormat.create();

    @Test
    void keepsGoodLinesAndReportsBadOnesWithTheirNumbers(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, GOOD.formatted("p-1") + "\n");                                         // 1
        write(bytes, "{\"id\":\"p-2\", nope}\n");                                            // 2 not JSON
        write(bytes, "{\"id\":\"p-3");                                                       // 3 invalid UTF-8
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        write(bytes, "\",\"workAuthorization\":\"FREE\",\"location\":{\"postcode\":\"5611\"}}\n");
        write(bytes, "\n");                                                                  // 4 blank
        write(bytes, "   \t \n");                                                            // 5 blank
        write(bytes, GOOD.formatted("p-6").replace("FREE", "MAYBE") + "\n");                 // 6 JSON, not a profile
        write(bytes, GOOD.formatted("p-7") + "\n");                                         // 7
        write(bytes, "{\"id\":\"p-8\",\"workAuthorization\":\"FR");                          // 8 cut off
        Path file = dir.resolve("profiles.jsonl");
        Files.write(file, bytes.toByteArray());

        List<Line<Profile>> lines = new ArrayList<>();
        Summary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = JsonLinesReader.read(in, format::readProfile, Mode.LENIENT, lines::add);
        }

        assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 6L, 7L, 8L);
        assertThat(lines).filteredOn(Line::ok).extracting(l -> l.value().id()).containsExactly("p-1", "p-7");
        assertThat(problem(lines, 2).message()).startsWith("invalid JSON at line 1, column 14");
        assertThat(problem(lines, 3).message()).isEqualTo("not valid UTF-8: byte 0xFF at byte 11 of the line; save the file as UTF-8");
        assertThat(problem(lines, 6)).isEqualTo(lines.get(3).problems().get(0));
        assertThat(problem(lines, 6).path()).isEqualTo("workAuthorization");
        assertThat(problem(lines, 8).message()).contains("the text ends before the JSON value is complete");
        assertThat(summary).isEqualTo(new Summary(8, 2, 4, Files.size(file), false));
        assertThat(lines).extracting(Line::bytesRead).isSorted().last().isEqualTo(Files.size(file));
    }

    @Test
    void strictModeStopsAtTheFirstBadLine() throws IOException {
        String text = GOOD.formatted("p-1") + "\n" + "[]\n" + GOOD.formatted("p-3") + "\n";
        List<Line<Profile>> lines = new ArrayList<>();

        Summary summary = JsonLinesReader.read(stream(text), format::readProfile, Mode.STRICT, lines::add);

        assertThat(lines).extracting(Line::number).containsExactly(1L, 2L);
        assertThat(lines.get(1).problems()).containsExactly(new Problem("", "expected a JSON object, got an array"));
        assertThat(summary.stopped()).isTrue();
        assertThat(summary.lines()).isEqualTo(2);
        assertThat(summary.bytesRead()).isEqualTo((GOOD.formatted("p-1") + "\n[]\n").length());
    }

    @Test
    void strictModeReadsAGoodFileToTheEnd() throws IOException {
        String text = GOOD.formatted("p-1") + "\n" + GOOD.formatted("p-2");

        Summary summary = JsonLinesReader.read(stream(text), format::readProfile, Mode.STRICT, line -> { });

        assertThat(summary).isEqualTo(new Summary(2, 2, 0, text.length(), false));
    }

    @Test
    void acceptsAByteOrderMarkAndWindowsLineEnds() throws IOException {
        String text = "\uFEFF" + GOOD.formatted("p-1") + "\r\n" + GOOD.formatted("p-2") + "\r\n";
        List<Line<Profile>> lines = new ArrayList<>();

        JsonLinesReader.read(stream(text), format::readProfile, Mode.LENIENT, lines::add);

        assertThat(lines).allMatch(Line::ok).extracting(l -> l.value().id()).containsExactly("p-1", "p-2");
    }

    @Test
    void aMultiByteSequenceCutByTheNewlineIsAnErrorOnItsLineOnly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, "{\"id\":\"p-");
        bytes.write(new byte[] {(byte) 0xE2, (byte) 0x82});   // the first two bytes of the euro sign
        write(bytes, "\n" + GOOD.formatted("p-€") + "\n");
        List<Line<Profile>> lines = new ArrayList<>();

        JsonLinesReader.read(new ByteArrayInputStream(bytes.toByteArray()), format::readProfile, Mode.LENIENT, lines::add);

        assertThat(lines.get(0).problems()).singleElement().extracting(Problem::message).asString().startsWith("not valid UTF-8: byte 0xE2");
        assertThat(lines.get(1).value().id()).isEqualTo("p-€");
    }

    @Test
    void anOverlongLineIsSkippedAndReadingGoesOn() throws IOException {
        String text = "{\"id\":\"" + "x".repeat(JsonLinesReader.MAX_LINE_BYTES) + "\"}\n" + GOOD.formatted("p-2") + "\n";
        List<Line<Profile>> lines = new ArrayList<>();

        Summary summary = JsonLinesReader.read(stream(text), format::readProfile, Mode.LENIENT, lines::add);

        assertThat(lines.get(0).problems()).singleElement().extracting(Problem::message).asString()
                .contains("longer than the limit of 1048576 bytes");
        assertThat(lines.get(1).value().id()).isEqualTo("p-2");
        assertThat(summary.bytesRead()).isEqualTo(text.length());
    }

    @Test
    void anEmptyStreamHasNoLines() throws IOException {
        Summary summary = JsonLinesReader.read(stream(""), format::readProfile, Mode.LENIENT, line -> { });

        assertThat(summary).isEqualTo(new Summary(0, 0, 0, 0, false));
    }

    @Test
    void otherExceptionsOfTheParserEndTheRead() {
        assertThatThrownBy(() -> JsonLinesReader.read(stream("{}\n"), s -> {
            throw new IllegalStateException("boom");
        }, Mode.LENIENT, line -> { })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    private static Problem problem(List<Line<Profile>> lines, long number) {
        Line<Profile> line = lines.stream().filter(l -> l.number() == number).findFirst().orElseThrow();
        assertThat(line.ok()).isFalse();
        return line.problems().get(0);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
