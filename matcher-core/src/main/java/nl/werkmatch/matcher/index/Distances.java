package nl.werkmatch.matcher.index;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.internal.Scorer;

/**
 * "Within so many km" for the per-document filters, with the answer of {@link Scorer#km} but mostly without
 * its trigonometry: a flat-earth estimate decides every pair clearly inside or outside the limit, and only pairs
 * within 2% of it are measured exactly. Over the Netherlands the estimate is far better than 2%.
 */
final class Distances {
    private static final double KM_PER_DEGREE = Math.toRadians(GeoPoint.EARTH_RADIUS_KM);
    private static final double MARGIN = 0.02;

    private Distances() {
    }

    /**
     * @param docIsProfile whether the document's point is the profile's (Scorer measures profile to vacancy)
     */
    static boolean within(double docLat, double docLon, GeoPoint other, double limitKm, boolean docIsProfile) {
        double dLat = docLat - other.lat();
        double dLon = (docLon - other.lon()) * Math.cos(Math.toRadians((docLat + other.lat()) / 2));
        double estimate = Math.sqrt(dLat * dLat + dLon * dLon) * KM_PER_DEGREE;
        if (estimate < limitKm * (1 - MARGIN) - 0.01) {
            return true;
        }
        if (estimate > limitKm * (1 + MARGIN) + 0.01) {
            return false;
        }
        GeoPoint doc = new GeoPoint(docLat, docLon);
        double km = docIsProfile ? Scorer.km(doc, other) : Scorer.km(other, doc);
        return km <= limitKm;
    }
}
