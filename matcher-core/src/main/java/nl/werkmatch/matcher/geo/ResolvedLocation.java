package nl.werkmatch.matcher.geo;

import java.util.Objects;

/** A location resolved to a point, the municipality it belongs to (or is nearest) and that municipality's region. */
public record ResolvedLocation(GeoPoint point, Municipality municipality, LabourMarketRegion region) {

    /** Checks that the point, municipality and region are given. */
    public ResolvedLocation {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(region, "region");
        if (!region.equals(municipality.region())) {
            throw new IllegalArgumentException("municipality " + municipality.code() + " is in " + municipality.region().name()
                    + ", not in " + region.name());
        }
    }
}
