package nl.werkmatch.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with columns as wide as their widest cell; the last column is never padded. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final boolean[] right;

    TextTable(String... header) {
        this.columns = header.length;
        this.right = new boolean[columns];
        rows.add(header);
    }

    /** Aligns these columns (by index) to the right, as for numbers. */
    TextTable alignRight(int... indexes) {
        for (int i : indexes) {
            right[i] = true;
        }
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String cell = row[i];
                String pad = " ".repeat(width[i] - cell.length());
                if (right[i]) {
                    line.append(pad).append(cell);
                } else if (i < columns - 1) {
                    line.append(cell).append(pad);
                } else {
                    line.append(cell);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
