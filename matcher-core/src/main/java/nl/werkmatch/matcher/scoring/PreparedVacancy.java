package nl.werkmatch.matcher.scoring;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * A vacancy with everything scoring needs resolved: its place (null for a remote vacancy without one), its
 * required skills as concept indexes with their importance, and its occupation. Made by
 * {@link PairScorer#prepare(Vacancy)}; immutable.
 */
public final class PreparedVacancy {
    private final Vacancy vacancy;
    private final ResolvedLocation location;
    private final int[] required;
    private final Importance[] importances;
    private final double[] shares;
    private final int occupation;
    private final String iscoGroup;
    private final String sector;

    PreparedVacancy(Vacancy vacancy, ResolvedLocation location, int[] required, Importance[] importances,
                    int occupation, String iscoGroup, String sector) {
        this.vacancy = vacancy;
        this.location = location;
        this.required = required;
        this.importances = importances;
        double total = 0;
        for (Importance imp : importances) {
            total += PairScorer.importanceWeight(imp);
        }
        this.shares = new double[importances.length];
        for (int i = 0; i < importances.length; i++) {
            shares[i] = PairScorer.indexable(PairScorer.importanceWeight(importances[i]) / total);
        }
        this.occupation = occupation;
        this.iscoGroup = iscoGroup;
        this.sector = sector;
    }

    public Vacancy vacancy() { return vacancy; }

    public String id() { return vacancy.id(); }

    /** The resolved place, or null for a remote vacancy without a location. */
    public ResolvedLocation location() { return location; }

    public GeoPoint point() { return location == null ? null : location.point(); }

    public int requiredCount() { return required.length; }

    public int requiredConcept(int i) { return required[i]; }

    public Importance importance(int i) { return importances[i]; }


    /** The i-th skill's share of the skill score: its importance over the total, at index precision. */
    public double share(int i) { return shares[i]; }

    /** The occupation index, or -1. */
    public int occupation() { return occupation; }

    /** ISCO minor group (3 digits) of the occupation, or null. */
    public String iscoGroup() { return iscoGroup; }

    public String sector() { return sector; }
}
