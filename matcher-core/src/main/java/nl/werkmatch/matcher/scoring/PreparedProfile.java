package nl.werkmatch.matcher.scoring;

import java.util.Arrays;
import java.util.Set;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.taxonomy.Relation;

/**
 * A profile with everything scoring needs resolved: its place, and its skill credit for every concept it
 * covers ({@code credit(p, r) = max_q sim(q, r) * evidence(q)}), sorted by concept index. Made by
 * {@link PairScorer#prepare(Profile)}; immutable.
 */
public final class PreparedProfile {
    private final Profile profile;
    private final ResolvedLocation location;
    private final int[] targets;
    private final double[] credits;
    private final int[] via;
    private final Relation[] relations;
    private final double[] evidence;
    private final int[] viaOccupation;
    private final int[] wantedOccupations;
    private final Set<String> wantedIscoGroups;
    private final Set<String> wantedSectors;

    PreparedProfile(Profile profile, ResolvedLocation location, int[] targets, double[] credits, int[] via,
                    Relation[] relations, double[] evidence, int[] viaOccupation, int[] wantedOccupations,
                    Set<String> wantedIscoGroups, Set<String> wantedSectors) {
        this.profile = profile;
        this.location = location;
        this.targets = targets;
        this.credits = credits;
        this.via = via;
        this.relations = relations;
        this.evidence = evidence;
        this.viaOccupation = viaOccupation;
        this.wantedOccupations = wantedOccupations;
        this.wantedIscoGroups = Set.copyOf(wantedIscoGroups);
        this.wantedSectors = Set.copyOf(wantedSectors);
    }

    public Profile profile() { return profile; }

    public String id() { return profile.id(); }

    public ResolvedLocation location() { return location; }

    public GeoPoint point() { return location.point(); }

    /** Number of concepts with a positive credit. */
    public int coveredCount() { return targets.length; }

    /** The i-th covered concept index, ascending in i. */
    public int coveredConcept(int i) { return targets[i]; }

    /** The credit of the i-th covered concept, in (0, 1]. */
    public double coveredCredit(int i) { return credits[i]; }

    /** The credit for a concept, 0 when not covered. */
    public double credit(int concept) {
        int i = Arrays.binarySearch(targets, concept);
        return i < 0 ? 0 : credits[i];
    }

    int position(int concept) {
        return Arrays.binarySearch(targets, concept);
    }

    int via(int i) { return via[i]; }

    Relation relation(int i) { return relations[i]; }

    double evidence(int i) { return evidence[i]; }

    int viaOccupation(int i) { return viaOccupation[i]; }

    /** Occupation indexes the candidate wants to work in. */
    public int[] wantedOccupations() { return wantedOccupations.clone(); }

    boolean wants(int occupation) {
        for (int o : wantedOccupations) {
            if (o == occupation) {
                return true;
            }
        }
        return false;
    }

    /** ISCO minor groups (3 digits) of the wanted occupations. */
    public Set<String> wantedIscoGroups() { return wantedIscoGroups; }

    /** Sectors of the wanted occupations. */
    public Set<String> wantedSectors() { return wantedSectors; }
}
