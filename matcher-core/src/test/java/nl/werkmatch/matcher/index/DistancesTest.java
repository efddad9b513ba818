package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.internal.Scorer;

/** The fast "within" agrees with the exact distance everywhere in the Netherlands, also right at the limit. */
class DistancesTest {

    @Test
    void agreesWithTheExactDistanceIncludingAtTheLimit() {
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            GeoPoint a = new GeoPoint(50.7 + rnd.nextDouble() * 2.9, 3.3 + rnd.nextDouble() * 3.95);
            GeoPoint b = rnd.nextBoolean() ? new GeoPoint(50.7 + rnd.nextDouble() * 2.9, 3.3 + rnd.nextDouble() * 3.95)
                    : new GeoPoint(a.lat() + (rnd.nextDouble() - 0.5) * 0.5, a.lon() + (rnd.nextDouble() - 0.5) * 0.5);
            double exact = Scorer.km(a, b);
            double limit = switch (i % 4) {
                case 0 -> exact;                       // exactly at the limit: inside
                case 1 -> Math.nextDown(exact);        // a hair short: outside
                case 2 -> exact * (0.97 + rnd.nextDouble() * 0.06);
                default -> rnd.nextDouble() * 300;
            };
            assertThat(Distances.within(a.lat(), a.lon(), b, limit, true)).as("%s %s %s", a, b, limit).isEqualTo(exact <= limit);
            double reverse = Scorer.km(b, a);
            assertThat(Distances.within(a.lat(), a.lon(), b, limit, false)).isEqualTo(reverse <= limit);
        }
    }

    @Test
    void fromOnePointAgreesWhateverTheOrderOfPointsAndLimits() {
        Random rnd = new Random(4);
        for (int round = 0; round < 200; round++) {
            GeoPoint center = new GeoPoint(50.7 + rnd.nextDouble() * 2.9, 3.3 + rnd.nextDouble() * 3.95);
            boolean docIsProfile = rnd.nextBoolean();
            Distances.From near = new Distances.From(center, docIsProfile);
            GeoPoint doc = center;
            for (int i = 0; i < 500; i++) {
                if (i == 0 || rnd.nextInt(3) == 0) {   // runs of documents at one point, as in place order
                    doc = new GeoPoint(center.lat() + (rnd.nextDouble() - 0.5) * 1.2, center.lon() + (rnd.nextDouble() - 0.5) * 1.6);
                }
                double exact = docIsProfile ? Scorer.km(doc, center) : Scorer.km(center, doc);
                double limit = switch (rnd.nextInt(4)) {
                    case 0 -> exact;
                    case 1 -> Math.nextDown(exact);
                    case 2 -> exact * (0.97 + rnd.nextDouble() * 0.06);
                    default -> rnd.nextDouble() * 80;
                };
                assertThat(near.within(doc.lat(), doc.lon(), limit)).as("%s %s %s", doc, center, limit)
                        .isEqualTo(exact <= limit);
            }
        }
    }
}
