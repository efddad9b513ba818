package nl.werkmatch.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.EscoLoader;
import nl.werkmatch.matcher.taxonomy.Relation;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * {@link Scorer#prepare(nl.werkmatch.matcher.model.Profile)} merges an occupation's neighbourhoods once and
 * trims them; this compares it with the per-skill walk it replaced ({@link Reference}, kept here only) on
 * thousands of synthetic and randomly altered profiles. Credits must be bit-identical; with the default
 * similarities so must everything else (via skill, relation, evidence, occupation).
 */
class PrepareEquivalenceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    @Test
    void sampleTaxonomy() {
        compareAll(TaxonomyJson.sample(), 4_000);
    }

    @Test
    void fullEsco() throws IOException {
        String shared = System.getProperty("werkmatch.shared.data");
        assumeTrue(shared != null && !shared.isBlank(), "werkmatch.shared.data not set: skipping");
        Path esco = Path.of(shared, "esco-v1.1.1");
        assumeTrue(Files.isDirectory(esco), "no ESCO data at " + esco + ": skipping");
        compareAll(EscoLoader.load(esco), 3_000);
    }

    private static void compareAll(SkillTaxonomy taxonomy, int n) {
        Regions regions = Regions.netherlands();
        SyntheticWorld world = SyntheticWorld.builder(taxonomy, regions).seed(11).today(TODAY).build();
        List<Profile> profiles = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            Profile p = world.profile(i);
            profiles.add(p);
            profiles.add(altered(p, taxonomy, random));
        }
        SkillSimilarity defaults = SkillSimilarity.of(taxonomy, SkillSimilarity.Config.DEFAULT);
        // Default weights; small caps trim nearly every list; odd experience weights give odd credits.
        compare(taxonomy, regions, defaults, EvidenceWeights.DEFAULT, profiles, true);
        compare(taxonomy, regions, defaults, new EvidenceWeights(0.8, 0.9, 1.0, 0.7, 0.8, 0.6, 0.4, 5), profiles, true);
        compare(taxonomy, regions, defaults, new EvidenceWeights(0.8, 0.9, 1.0, 0.7, 0.77, 0.31, 0.123, 40), profiles, true);
        compare(taxonomy, regions, defaults, new EvidenceWeights(0.8, 0.9, 1.0, 0.7, 0.8, 0.6, 0.4, 1_000), profiles, true);
        // Similarities less than 2^-8 apart can round to the same credit: credits must still agree exactly,
        // and a different via must give that same credit.
        SkillSimilarity close = SkillSimilarity.of(taxonomy, new SkillSimilarity.Config(0.9, 0.5, 0.499, 0.4995, 3, 64));
        compare(taxonomy, regions, close, EvidenceWeights.DEFAULT, profiles, false);
        compare(taxonomy, regions, close, new EvidenceWeights(0.8, 0.9, 1.0, 0.7, 0.8, 0.6, 0.4, 10), profiles, false);
    }

    /** The same person with more, fewer or repeated occupations, fractional years and other skill claims. */
    private static Profile altered(Profile p, SkillTaxonomy taxonomy, Random random) {
        List<Experience> experience = new ArrayList<>(p.experience());
        int extra = random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            String occ = random.nextInt(4) == 0 && !experience.isEmpty()
                    ? experience.get(random.nextInt(experience.size())).occupation()   // the same one again
                    : taxonomy.occupationId(random.nextInt(taxonomy.occupationCount()));
            double years = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(12);
                case 1 -> random.nextDouble() * 2;
                default -> Math.round(random.nextDouble() * 40) / 4.0;
            };
            experience.add(random.nextInt(experience.size() + 1), new Experience(occ, years));
        }
        if (random.nextInt(5) == 0) {
            experience.clear();
        }
        List<SkillClaim> skills = new ArrayList<>(p.skills());
        int more = random.nextInt(6);
        for (int i = 0; i < more; i++) {
            skills.add(new SkillClaim(taxonomy.conceptId(random.nextInt(taxonomy.size())),
                    Evidence.values()[random.nextInt(Evidence.values().length)]));
        }
        return p.toBuilder().id(p.id() + "-alt").experience(experience).skills(skills).build();
    }

    private static void compare(SkillTaxonomy taxonomy, Regions regions, SkillSimilarity similarity,
                                EvidenceWeights weights, List<Profile> profiles, boolean sameVia) {
        Scorer scorer = new Scorer(taxonomy, similarity, weights, regions);
        Reference reference = new Reference(taxonomy, similarity, weights);
        int viaDiffers = 0;
        for (Profile p : profiles) {
            PreparedProfile got = scorer.prepare(p);
            Reference.Result want = reference.prepare(p);
            int n = want.targets.length;
            assertThat(got.coveredCount()).as(p.id()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                String at = p.id() + " concept " + want.targets[i];
                assertThat(got.coveredConcept(i)).as(at).isEqualTo(want.targets[i]);
                assertThat(Double.doubleToRawLongBits(got.coveredCredit(i))).as(at)
                        .isEqualTo(Double.doubleToRawLongBits(want.credits[i]));
                assertThat(Double.doubleToRawLongBits(got.provenance().evidence()[i])).as(at)
                        .isEqualTo(Double.doubleToRawLongBits(want.evidence[i]));
                assertThat(got.provenance().viaOccupation()[i]).as(at).isEqualTo(want.occupations[i]);
                if (sameVia) {
                    assertThat(got.provenance().via()[i]).as(at).isEqualTo(want.via[i]);
                    assertThat(got.provenance().relations()[i]).as(at).isEqualTo(want.relations[i]);
                } else if (got.provenance().via()[i] != want.via[i]) {
                    viaDiffers++;
                    int r = want.targets[i];
                    double credit = Scorer.indexable(similarity.sim(got.provenance().via()[i], r) * got.provenance().evidence()[i]);
                    assertThat(credit).as(at).isEqualTo(want.credits[i]);
                    assertThat(got.provenance().relations()[i]).as(at).isEqualTo(similarity.relation(got.provenance().via()[i], r));
                }
            }
        }
        if (!sameVia) {
            System.out.println(taxonomy.id() + ": via differs on an exact credit tie for " + viaDiffers + " concepts");
        }
    }

    /** The per-skill walk as it was: every neighbourhood of every claimed and experienced skill into a table. */
    private static final class Reference {
        final SkillTaxonomy taxonomy;
        final SkillSimilarity similarity;
        final EvidenceWeights evidence;
        final double[] credit;
        final int[] via;
        final Relation[] relation;
        final double[] ev;
        final int[] occupation;
        int[] touched = new int[16];
        int count;

        record Result(int[] targets, double[] credits, int[] via, Relation[] relations, double[] evidence,
                      int[] occupations) {
        }

        Reference(SkillTaxonomy taxonomy, SkillSimilarity similarity, EvidenceWeights evidence) {
            this.taxonomy = taxonomy;
            this.similarity = similarity;
            this.evidence = evidence;
            int size = taxonomy.size();
            credit = new double[size];
            via = new int[size];
            relation = new Relation[size];
            ev = new double[size];
            occupation = new int[size];
        }

        Result prepare(Profile p) {
            for (SkillClaim claim : p.skills()) {
                walk(taxonomy.indexOf(claim.id()), evidence.of(claim.evidence()), -1);
            }
            for (Experience exp : p.experience()) {
                int o = taxonomy.occupationIndexOf(exp.occupation());
                for (Importance rel : Importance.values()) {
                    double e = evidence.ofExperience(rel, exp.years());
                    for (int q : taxonomy.occupationSkills(o, rel)) {
                        walk(q, e, o);
                    }
                }
            }
            // Strongest credits first, ties to the lower concept; then ascending by concept.
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = touched[i];
            }
            Arrays.sort(order, (a, b) -> credit[a] != credit[b] ? Double.compare(credit[b], credit[a]) : Integer.compare(a, b));
            int[] targets = new int[Math.min(count, evidence.maxCoveredSkills())];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = order[i];
            }
            Arrays.sort(targets);
            int n = targets.length;
            Result r = new Result(targets, new double[n], new int[n], new Relation[n], new double[n], new int[n]);
            for (int i = 0; i < n; i++) {
                int t = targets[i];
                r.credits[i] = credit[t];
                r.via[i] = via[t];
                r.relations[i] = relation[t];
                r.evidence[i] = ev[t];
                r.occupations[i] = occupation[t];
            }
            for (int i = 0; i < count; i++) {
                credit[touched[i]] = 0;
            }
            count = 0;
            return r;
        }

        private void walk(int q, double e, int occ) {
            SkillSimilarity.Neighbourhood nb = similarity.coverage(q);
            for (int i = 0; i < nb.size(); i++) {
                double c = Scorer.indexable(nb.sim(i) * e);
                if (c <= 0) {
                    continue;
                }
                int r = nb.target(i);
                if (credit[r] == 0) {
                    if (count == touched.length) {
                        touched = Arrays.copyOf(touched, count * 2);
                    }
                    touched[count++] = r;
                } else if (c <= credit[r]) {
                    continue;   // the first of equal credits stays
                }
                credit[r] = c;
                via[r] = q;
                relation[r] = nb.relation(i);
                ev[r] = e;
                occupation[r] = occ;
            }
        }
    }
}
