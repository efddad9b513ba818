package nl.werkmatch.matcher.geo;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A four-digit Dutch postcode area (PC4) with its place name, a point, and the municipality it is taken to lie in:
 * the municipality its place is named after when that one is near, else the one whose town-centre point is
 * nearest. An approximation (there are no boundaries in the data): good enough for travel distance and region, not
 * for administrative use.
 */
public record Postcode(String pc4, String place, GeoPoint point, Municipality municipality) {
    private static final Pattern PC4 = Pattern.compile("[1-9]\\d{3}");

    /** Checks that the code and the place are given. */
    public Postcode {
        Objects.requireNonNull(pc4, "pc4");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(municipality, "municipality");
        if (!PC4.matcher(pc4).matches()) {
            throw new IllegalArgumentException("not a four-digit Dutch postcode: " + pc4);
        }
    }
}
