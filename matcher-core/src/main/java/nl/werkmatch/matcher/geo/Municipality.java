package nl.werkmatch.matcher.geo;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Dutch municipality: its CBS code ({@code GM} + 4 digits), common name, labour market region and a point in
 * its main town (not a polygon centroid).
 */
public record Municipality(String code, String name, LabourMarketRegion region, GeoPoint point) {
    private static final Pattern CODE = Pattern.compile("GM\\d{4}");

    /** Checks that the code, name and region are given. */
    public Municipality {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(point, "point");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a CBS municipality code (GM + 4 digits): " + code);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("municipality " + code + " needs a name");
        }
    }
}
