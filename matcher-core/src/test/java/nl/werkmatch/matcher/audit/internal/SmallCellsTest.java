package nl.werkmatch.matcher.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditReport.Count;
import nl.werkmatch.matcher.audit.AuditReport.GroupRow;

class SmallCellsTest {

    @Test
    void noRowEverShowsFewerThanTenAndTheRowsAddUp() {
        Random rnd = new Random(5);
        for (int round = 0; round < 5_000; round++) {
            List<SmallCells.Cell> cells = new ArrayList<>();
            int values = 1 + rnd.nextInt(12);
            int total = 0;
            for (int v = 0; v < values; v++) {
                int profiles = rnd.nextInt(4) == 0 ? rnd.nextInt(10) : rnd.nextInt(60);
                if (profiles == 0) {
                    continue;
                }
                int recommended = rnd.nextInt(profiles + 1);
                cells.add(new SmallCells.Cell("v" + v, profiles, recommended, recommended * (long) rnd.nextInt(5)));
                total += profiles;
            }
            List<GroupRow> rows = SmallCells.rows("countryOfOrigin", cells, total, 1000);
            int sum = 0;
            Map<String, SmallCells.Cell> byValue = new HashMap<>();
            cells.forEach(c -> byValue.put(c.value(), c));
            int otherExpected = total;
            for (GroupRow row : rows) {
                assertThat(row.profiles()).as("row %s of %s", row.value(), cells).isGreaterThanOrEqualTo(AuditReport.MIN_CELL);
                sum += row.profiles();
                if (!row.value().equals(AuditReport.OTHER)) {
                    SmallCells.Cell c = byValue.get(row.value());
                    assertThat(row.profiles()).isEqualTo(c.profiles());
                    assertThat(row.recommended()).isEqualTo(c.recommended());
                    otherExpected -= c.profiles();
                }
            }
            long others = rows.stream().filter(r -> r.value().equals(AuditReport.OTHER)).count();
            assertThat(others).isLessThanOrEqualTo(1);
            if (total >= AuditReport.MIN_CELL) {
                assertThat(sum).as("everyone is in a row: %s", cells).isEqualTo(total);
                if (others == 1) {
                    assertThat(rows.get(rows.size() - 1).profiles()).isEqualTo(otherExpected);
                }
            } else {
                assertThat(rows).as("fewer than ten in all: nothing is shown").isEmpty();
            }
            for (SmallCells.Cell c : cells) {
                if (c.profiles() < AuditReport.MIN_CELL) {
                    assertThat(rows).noneMatch(r -> r.value().equals(c.value()));
                }
            }
        }
    }

    @Test
    void aMergedRowUnderTenTakesTheSmallestShownRowWithIt() {
        List<GroupRow> rows = SmallCells.rows("gender", List.of(new SmallCells.Cell("F", 50, 20, 40),
                new SmallCells.Cell("M", 45, 30, 60), new SmallCells.Cell("X", 3, 0, 0)), 98, 100);
        assertThat(rows).extracting(GroupRow::value).containsExactly("F", AuditReport.OTHER);
        assertThat(rows.get(1).profiles()).isEqualTo(48);
        assertThat(rows.get(1).recommended()).isEqualTo(30);
        assertThat(rows.get(1).slotShare()).isEqualTo(0.6);
    }

    @Test
    void ratiosAreToTheBestShownRowAndFlagBelowFourFifths() {
        List<GroupRow> rows = SmallCells.rows("gender", List.of(new SmallCells.Cell("F", 100, 30, 40),
                new SmallCells.Cell("M", 100, 50, 60)), 200, 100);
        assertThat(rows).extracting(GroupRow::value).containsExactly("F", "M");
        assertThat(rows.get(1).ratio()).isEqualTo(1.0);
        assertThat(rows.get(0).ratio()).isEqualTo(0.6);
        assertThat(rows.get(0).belowFourFifths()).isTrue();
        assertThat(rows.get(1).belowFourFifths()).isFalse();
        assertThat(rows.get(0).profileShare()).isEqualTo(0.5);
    }

    @Test
    void noOneRecommendedGivesNoRatio() {
        List<GroupRow> rows = SmallCells.rows("gender", List.of(new SmallCells.Cell("F", 12, 0, 0)), 12, 0);
        assertThat(rows.get(0).ratio()).isNull();
        assertThat(rows.get(0).belowFourFifths()).isFalse();
    }

    @Test
    void orderedAttributesKeepTheirOrder() {
        List<GroupRow> rows = SmallCells.rows("ageBand", List.of(new SmallCells.Cell("55+", 12, 1, 1),
                new SmallCells.Cell(AuditReport.UNKNOWN, 30, 1, 1), new SmallCells.Cell("under 25", 11, 1, 1),
                new SmallCells.Cell("25-34", 40, 1, 1)), 93, 4);
        assertThat(rows).extracting(GroupRow::value).containsExactly("under 25", "25-34", "55+", AuditReport.UNKNOWN);
    }

    @Test
    void countsFollowTheSameRule() {
        List<Count> counts = SmallCells.counts(Map.of("Groot Amsterdam", 40, "Flevoland", 12, "Drenthe", 4, "Twente", 7));
        assertThat(counts).containsExactly(new Count("Groot Amsterdam", 40), new Count("Flevoland", 12),
                new Count(AuditReport.OTHER, 11));
        assertThat(SmallCells.counts(Map.of("Drenthe", 4, "Groot Amsterdam", 40))).containsExactly(new Count(AuditReport.OTHER, 44));
    }
}
