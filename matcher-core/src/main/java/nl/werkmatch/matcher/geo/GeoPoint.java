package nl.werkmatch.matcher.geo;

/** A WGS84 point in degrees. */
public record GeoPoint(double lat, double lon) {
    /** Mean earth radius (IUGG), the radius Lucene's geo code uses as well. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** Checks that the coordinates are valid degrees. */
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS84 point: " + lat + ", " + lon);
        }
    }

    /** Great-circle (haversine) distance in kilometres. */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
