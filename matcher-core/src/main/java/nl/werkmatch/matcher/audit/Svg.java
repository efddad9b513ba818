package nl.werkmatch.matcher.audit;

import java.util.List;
import java.util.Locale;

/** The report's charts as inline SVG: horizontal bars with an optional reference line, and a Lorenz curve. */
final class Svg {
    /** Full-width bars, and narrower ones for a chart in half a page. */
    private static final int[] WIDE = {720, 240, 380};
    private static final int[] NARROW = {480, 190, 230};
    private static final int ROW = 26;
    private static final String BAR = "#3b6ea8";
    private static final String FLAGGED = "#d9534f";
    private static final String LINE = "#e08a00";

    private Svg() {
    }

    /**
     * Horizontal bars, {@code max} at full length; {@code lineAt} (in the bars' unit) draws a dashed reference line
     * labelled {@code lineLabel}.
     */
    static String bars(List<AuditHtml.Bar> bars, double max, Double lineAt, String lineLabel, boolean narrow) {
        int[] layout = narrow ? NARROW : WIDE;
        final int width = layout[0];
        final int label = layout[1];
        final int barArea = layout[2];
        int top = lineAt == null ? 6 : 22;
        int height = top + bars.size() * ROW + 6;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\">");
        for (int i = 0; i < bars.size(); i++) {
            AuditHtml.Bar bar = bars.get(i);
            int y = top + i * ROW;
            double length = max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value() / max)) * barArea;
            s.append("<text x=\"").append(label - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\">")
                    .append(AuditHtml.esc(shorten(bar.label()))).append("</text>");
            s.append("<rect x=\"").append(label).append("\" y=\"").append(y + 4).append("\" width=\"").append(f(length))
                    .append("\" height=\"").append(ROW - 8).append("\" rx=\"2\" fill=\"").append(bar.flagged() ? FLAGGED : BAR)
                    .append("\"/>");
            s.append("<text x=\"").append(f(label + length + 6)).append("\" y=\"").append(y + 17).append("\">")
                    .append(AuditHtml.esc(bar.text())).append(bar.flagged() ? " \u26a0" : "").append("</text>");
        }
        if (lineAt != null && max > 0) {
            double x = label + Math.min(1, lineAt / max) * barArea;
            s.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(height - 2).append("\" stroke=\"").append(LINE)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            s.append("<text x=\"").append(f(x)).append("\" y=\"").append(top - 8).append("\" text-anchor=\"middle\" fill=\"")
                    .append(LINE).append("\">").append(AuditHtml.esc(lineLabel)).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** The Lorenz curve: cumulative share of profiles (x) against cumulative share of list places (y). */
    static String lorenz(List<Double> curve, String xLabel, String yLabel, String equality) {
        int w = 460;
        int h = 380;
        int left = 56;
        int bottom = 44;
        int size = 300;
        int top = h - bottom - size;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ").append(w)
                .append(' ').append(h).append("\">");
        for (int i = 0; i <= 4; i++) {
            double g = left + i * size / 4.0;
            double gy = top + size - i * size / 4.0;
            s.append("<line x1=\"").append(f(g)).append("\" y1=\"").append(top).append("\" x2=\"").append(f(g))
                    .append("\" y2=\"").append(top + size).append("\" stroke=\"#eceff3\"/>");
            s.append("<line x1=\"").append(left).append("\" y1=\"").append(f(gy)).append("\" x2=\"").append(left + size)
                    .append("\" y2=\"").append(f(gy)).append("\" stroke=\"#eceff3\"/>");
            s.append("<text x=\"").append(f(g)).append("\" y=\"").append(top + size + 16).append("\" text-anchor=\"middle\">")
                    .append(i * 25).append("%</text>");
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(f(gy + 4)).append("\" text-anchor=\"end\">")
                    .append(i * 25).append("%</text>");
        }
        s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(size)
                .append("\" height=\"").append(size).append("\" fill=\"none\" stroke=\"#9aa5b1\"/>");
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top + size).append("\" x2=\"").append(left + size)
                .append("\" y2=\"").append(top).append("\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/>");
        StringBuilder path = new StringBuilder();
        int n = curve.size() - 1;
        for (int i = 0; i <= n; i++) {
            double x = left + (double) i / n * size;
            double y = top + size - curve.get(i) * size;
            path.append(i == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y));
        }
        s.append("<path d=\"").append(path).append(" L").append(left + size).append(' ').append(top + size)
                .append(" Z\" fill=\"").append(BAR).append("\" fill-opacity=\"0.15\" stroke=\"none\"/>");
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(BAR).append("\" stroke-width=\"2.5\"/>");
        s.append("<text x=\"").append(left + size / 2 - 40).append("\" y=\"").append(top + size / 2 - 40)
                .append("\" fill=\"#5b6775\" transform=\"rotate(-45 ").append(left + size / 2 - 40).append(' ')
                .append(top + size / 2 - 40).append(")\">").append(AuditHtml.esc(equality)).append("</text>");
        s.append("<text x=\"").append(left + size / 2).append("\" y=\"").append(h - 8).append("\" text-anchor=\"middle\">")
                .append(AuditHtml.esc(xLabel)).append("</text>");
        s.append("<text x=\"14\" y=\"").append(top + size / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(top + size / 2).append(")\">").append(AuditHtml.esc(yLabel)).append("</text>");
        return s.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "\u2026";
    }

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
