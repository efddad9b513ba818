package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/**
 * A bulk import parses its batches on every core: whatever mix of good lines, lines that are not JSON, lines the
 * format refuses and lines the matcher refuses (an unknown skill), every bad line is reported once, in line order,
 * with its own number, and every good line is written.
 */
class BulkImportOrderTest {

    @Test
    void badLinesOfEveryKindAreReportedInLineOrderAndGoodOnesWritten() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            try (Matcher matcher = Matcher.inMemory()) {
                SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(seed)
                        .today(LocalDate.of(2026, 12, 1)).build();
                ExchangeFormat format = matcher.exchangeFormat();
                Random random = new Random(seed);
                StringBuilder in = new StringBuilder();
                List<Long> expectedBad = new ArrayList<>();
                List<String> expectedIds = new ArrayList<>();
                int lines = 2_500 + random.nextInt(500);   // more than two batches, the last one partly filled
                for (int i = 0; i < lines; i++) {
                    long number = i + 1;
                    Profile p = world.profile(i).toBuilder().id("line-" + number).build();
                    switch (random.nextInt(10)) {
                        case 0 -> {
                            in.append("{not json");
                            expectedBad.add(number);
                        }
                        case 1 -> {
                            in.append(format.writeProfile(p).replace("\"id\":\"line-" + number + "\"", "\"id\":\"\""));
                            expectedBad.add(number);
                        }
                        case 2 -> {
                            String json = format.writeProfile(p);
                            String changed = json.replaceFirst("\"skills\":\\[\\{\"id\":\"[^\"]+\"",
                                    "\"skills\":[{\"id\":\"no-such-skill\"");
                            in.append(changed);
                            if (changed.equals(json)) {
                                expectedIds.add(p.id());   // a profile without skills stays good
                            } else {
                                expectedBad.add(number);
                            }
                        }
                        default -> {
                            in.append(format.writeProfile(p));
                            expectedIds.add(p.id());
                        }
                    }
                    in.append('\n');
                }
                List<Long> reported = new ArrayList<>();
                BulkImport.Result result = new BulkImport<>(matcher, RecordKind.PROFILES, 0,
                        r -> reported.add(r.line()), (read, bytes) -> { })
                        .run(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)));
                matcher.refresh();

                assertThat(reported).as("seed %d", seed).containsExactlyElementsOf(expectedBad);
                assertThat(result.read()).isEqualTo(lines);
                assertThat(result.rejected()).isEqualTo(expectedBad.size());
                assertThat(result.imported()).isEqualTo(expectedIds.size());
                assertThat(matcher.profileCount()).isEqualTo(expectedIds.size());
                for (String id : expectedIds) {
                    assertThat(matcher.profile(id)).as(id).isPresent();
                }
            }
        }
    }
}
