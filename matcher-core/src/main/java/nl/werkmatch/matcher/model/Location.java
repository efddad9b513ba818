package nl.werkmatch.matcher.model;

import nl.werkmatch.matcher.InvalidInputException;

/**
 * Where someone lives or a job is: exactly one of a CBS municipality code ({@code GM0363}), a four-digit
 * postcode ({@code 5611}) or a WGS84 point. Resolved to a point, municipality and labour market region by
 * {@code nl.werkmatch.matcher.geo.Regions}.
 */
public record Location(String municipality, String postcode, Double lat, Double lon) {

    /** Checks that exactly one form is given, lat and lon together. */
    public Location {
        int given = (municipality != null ? 1 : 0) + (postcode != null ? 1 : 0) + (lat != null || lon != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("location", "a location is exactly one of municipality, postcode or lat/lon");
        }
        if ((lat == null) != (lon == null)) {
            throw new InvalidInputException("location", "lat and lon go together");
        }
    }

    /** A municipality by its CBS code, e.g. GM0363 for Amsterdam. */
    public static Location municipality(String cbsCode) {
        return new Location(cbsCode, null, null, null);
    }

    /** A four-digit postcode area (PC4), e.g. 5611. */
    public static Location postcode(String pc4) {
        return new Location(null, pc4, null, null);
    }

    /** A point in WGS84 degrees. */
    public static Location point(double lat, double lon) {
        return new Location(null, null, lat, lon);
    }
}
