package nl.werkmatch.matcher.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.Municipality;
import nl.werkmatch.matcher.geo.Postcode;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Location;

/**
 * Where people live and jobs are, drawn roughly in proportion to population.
 *
 * <p>The bundled geography has no population, so it is estimated from real data: every PC4 postcode area counts
 * with the number of PC4 points within {@value #NEIGHBOUR_KM} km of it (itself included), and a municipality
 * with the sum over its postcodes. Urban PC4 areas are small and hold many people, so local postcode density
 * stands in for people per postcode; a plain postcode count would rank rural Friesland, where every village has
 * its own PC4, above Amsterdam. Checked once against rounded populations of 29 municipalities, large and small:
 * log estimate and log population correlate 0.91 (plain count: 0.72) with a slope near 1, and the top three are
 * Den Haag, Amsterdam and Rotterdam. Known bias: Leeuwarden and Súdwest-Fryslân weigh three to four
 * times too much, Amsterdam a little too little.
 */
final class Places {
    static final double NEIGHBOUR_KM = 2.5;

    /** A place to put someone: a PC4 area with its municipality. */
    record Place(String pc4, GeoPoint point, Municipality municipality) {
    }

    private final List<Place> places;
    private final Weighted weights;

    Places(Regions regions) {
        List<Place> found = new ArrayList<>();
        // Regions looks postcodes up one by one, so walk the whole PC4 range (1000-9999) once.
        for (int pc = 1000; pc <= 9999; pc++) {
            regions.postcode(Integer.toString(pc)).ifPresent(p -> found.add(place(p)));
        }
        if (found.isEmpty()) {
            // Without postcodes there is nothing to estimate from: every municipality weighs the same.
            for (Municipality m : regions.municipalities()) {
                found.add(new Place(null, m.point(), m));
            }
            places = List.copyOf(found);
            weights = new Weighted(found.stream().mapToDouble(p -> 1).toArray());
        } else {
            places = List.copyOf(found);
            weights = new Weighted(neighbourCounts(found));
        }
    }

    private static Place place(Postcode p) {
        return new Place(p.pc4(), p.point(), p.municipality());
    }

    Place draw(Rng rng) {
        return places.get(weights.draw(rng));
    }

    /**
     * A location for a place in one of the three forms of the exchange format. A point is the postcode's point moved
     * by up to about a kilometre, so that points are not all postcode centres.
     */
    static Location location(Place place, double municipalityShare, double postcodeShare, Rng rng) {
        double u = rng.nextDouble();
        if (u < municipalityShare || place.pc4() == null) {
            return Location.municipality(place.municipality().code());
        }
        if (u < municipalityShare + postcodeShare) {
            return Location.postcode(place.pc4());
        }
        double lat = round5(place.point().lat() + (rng.nextDouble() - 0.5) * 0.02);
        double lon = round5(place.point().lon() + (rng.nextDouble() - 0.5) * 0.03);
        return Regions.inNetherlands(lat, lon) ? Location.point(lat, lon)
                : Location.point(place.point().lat(), place.point().lon());
    }

    /** The share of draws that land in each municipality, by code: for tests and reports. */
    Map<String, Double> municipalityShares() {
        Map<String, Double> shares = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            shares.merge(places.get(i).municipality().code(), weights.probability(i), Double::sum);
        }
        return shares;
    }

    private static double round5(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }

    // A grid of cells a little larger than the radius, so only the 3x3 cells around a point need checking.
    private static double[] neighbourCounts(List<Place> places) {
        double cellLat = 0.05;   // ~5.6 km
        double cellLon = 0.08;   // ~5.4 km at 52.5 N
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            grid.computeIfAbsent(cell(places.get(i).point(), cellLat, cellLon, 0, 0), k -> new ArrayList<>()).add(i);
        }
        double[] counts = new double[places.size()];
        for (int i = 0; i < places.size(); i++) {
            GeoPoint p = places.get(i).point();
            for (int dLat = -1; dLat <= 1; dLat++) {
                for (int dLon = -1; dLon <= 1; dLon++) {
                    for (int j : grid.getOrDefault(cell(p, cellLat, cellLon, dLat, dLon), List.of())) {
                        if (p.distanceKm(places.get(j).point()) <= NEIGHBOUR_KM) {
                            counts[i]++;
                        }
                    }
                }
            }
        }
        return counts;
    }

    private static long cell(GeoPoint p, double cellLat, double cellLon, int dLat, int dLon) {
        long row = (long) Math.floor(p.lat() / cellLat) + dLat;
        long col = (long) Math.floor(p.lon() / cellLon) + dLon;
        return row * 100_000 + col;
    }
}
