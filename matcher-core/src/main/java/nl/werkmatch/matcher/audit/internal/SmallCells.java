package nl.werkmatch.matcher.audit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditReport.Count;
import nl.werkmatch.matcher.audit.AuditReport.GroupRow;
import nl.werkmatch.matcher.audit.Fairness;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.InburgeringRoute;
import nl.werkmatch.matcher.model.WorkAuthorization;

/**
 * Small-cell suppression: no row shows fewer than {@link AuditReport#MIN_CELL} profiles. Values below it are merged
 * into one {@link AuditReport#OTHER} row. When that row would itself hold fewer than the minimum, the smallest shown
 * row is merged into it too, and so on (secondary suppression), so that the merged row cannot be subtracted from the
 * total to reveal a small value; when even all rows together are fewer than the minimum, nothing is shown.
 */
final class SmallCells {
    private SmallCells() {
    }

    /** One value's totals before suppression. */
    record Cell(String value, int profiles, int recommended, long slots) {
    }

    static List<GroupRow> rows(String attribute, List<Cell> cells, int audited, long totalSlots) {
        List<Cell> shown = new ArrayList<>();
        int otherProfiles = 0;
        int otherRecommended = 0;
        long otherSlots = 0;
        for (Cell c : cells) {
            if (c.profiles() >= AuditReport.MIN_CELL) {
                shown.add(c);
            } else if (c.profiles() > 0) {
                otherProfiles += c.profiles();
                otherRecommended += c.recommended();
                otherSlots += c.slots();
            }
        }
        shown.sort(Comparator.comparingInt(Cell::profiles).thenComparing(Cell::value, Comparator.reverseOrder()));
        while (otherProfiles > 0 && otherProfiles < AuditReport.MIN_CELL && !shown.isEmpty()) {
            Cell smallest = shown.remove(0);
            otherProfiles += smallest.profiles();
            otherRecommended += smallest.recommended();
            otherSlots += smallest.slots();
        }
        List<Cell> out = new ArrayList<>(shown);
        if (otherProfiles >= AuditReport.MIN_CELL) {
            out.add(new Cell(AuditReport.OTHER, otherProfiles, otherRecommended, otherSlots));
        }
        out.sort(order(attribute));
        double best = 0;
        for (Cell c : out) {
            best = Math.max(best, (double) c.recommended() / c.profiles());
        }
        List<GroupRow> rows = new ArrayList<>();
        for (Cell c : out) {
            double rate = (double) c.recommended() / c.profiles();
            Double ratio = best > 0 ? rate / best : null;
            rows.add(new GroupRow(c.value(), c.profiles(), c.recommended(),
                    totalSlots == 0 ? 0 : (double) c.slots() / totalSlots,
                    audited == 0 ? 0 : (double) c.profiles() / audited,
                    ratio, ratio != null && ratio < AuditReport.FOUR_FIFTHS));
        }
        return rows;
    }

    /** Counts per value (never-recommended per region) under the same rule, largest first. */
    static List<Count> counts(Map<String, Integer> byValue) {
        List<Cell> cells = new ArrayList<>();
        byValue.forEach((value, count) -> cells.add(new Cell(value, count, 0, 0)));
        List<Count> out = new ArrayList<>();
        for (GroupRow row : rows("", cells, 0, 0)) {
            out.add(new Count(row.value(), row.profiles()));
        }
        out.sort(Comparator.comparing((Count c) -> c.value().equals(AuditReport.OTHER))
                .thenComparing(Count::count, Comparator.reverseOrder()).thenComparing(Count::value));
        return out;
    }

    /** Natural order for ordered attributes, else largest first; unknown and other last. */
    private static Comparator<Cell> order(String attribute) {
        List<String> natural = switch (attribute) {
            case "ageBand" -> Fairness.AGE_BANDS;
            case "educationLevel" -> names(EducationLevel.values());
            case "inburgeringRoute" -> names(InburgeringRoute.values());
            case "workAuthorization" -> names(WorkAuthorization.values());
            default -> List.of();
        };
        Comparator<Cell> last = Comparator.comparingInt(c -> c.value().equals(AuditReport.OTHER) ? 2
                : c.value().equals(AuditReport.UNKNOWN) ? 1 : 0);
        Comparator<Cell> within = natural.isEmpty()
                ? Comparator.comparingInt((Cell c) -> -c.profiles()).thenComparing(Cell::value)
                : Comparator.comparingInt((Cell c) -> natural.indexOf(c.value()));
        return last.thenComparing(within);
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v.name());
        }
        return out;
    }
}
