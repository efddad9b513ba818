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
        return new From(other, docIsProfile).within(docLat, docLon, limitKm);
    }

    private static double estimate(double docLat, double docLon, GeoPoint other) {
        double dLat = docLat - other.lat();
        double dLon = (docLon - other.lon()) * Math.cos(Math.toRadians((docLat + other.lat()) / 2));
        return Math.sqrt(dLat * dLat + dLon * dLon) * KM_PER_DEGREE;
    }

    private static double exact(double docLat, double docLon, GeoPoint other, boolean docIsProfile) {
        GeoPoint doc = new GeoPoint(docLat, docLon);
        return docIsProfile ? Scorer.km(doc, other) : Scorer.km(other, doc);
    }

    /**
     * {@link #within} from one point, for one thread's walk of documents in place order: neighbours often share a
     * point (a postcode's or a municipality's), so the last point's distances are kept.
     */
    static final class From {
        private final GeoPoint other;
        private final boolean docIsProfile;
        private double lastLat = Double.NaN;
        private double lastLon = Double.NaN;
        private double lastEstimate;
        private double lastExact;

        From(GeoPoint other, boolean docIsProfile) {
            this.other = other;
            this.docIsProfile = docIsProfile;
        }

        boolean within(double docLat, double docLon, double limitKm) {
            if (docLat != lastLat || docLon != lastLon) {
                lastLat = docLat;
                lastLon = docLon;
                lastEstimate = estimate(docLat, docLon, other);
                lastExact = Double.NaN;
            }
            if (lastEstimate < limitKm * (1 - MARGIN) - 0.01) {
                return true;
            }
            if (lastEstimate > limitKm * (1 + MARGIN) + 0.01) {
                return false;
            }
            if (Double.isNaN(lastExact)) {
                lastExact = exact(docLat, docLon, other, docIsProfile);
            }
            return lastExact <= limitKm;
        }
    }
}
