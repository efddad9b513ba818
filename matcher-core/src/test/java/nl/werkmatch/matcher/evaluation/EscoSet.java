package nl.werkmatch.matcher.evaluation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.taxonomy.EscoLoader;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * The ESCO evaluation set of the tests: ESCO v1.1.1 from the shared data beside the clone (loaded once per test
 * JVM), the set built from it with a fixed size and seed, and matchers holding it. Tests that call
 * {@link #taxonomy()} are skipped, with a message, when the data is absent.
 */
final class EscoSet {
    static final String PROPERTY = "werkmatch.shared.data";
    /** About 150 occupations in whole ISCO families; 6 job seekers and 2 vacancies each. */
    static final OccupationEvaluationSet.Size SIZE = new OccupationEvaluationSet.Size(150, 6, 2);
    static final long SEED = 18;

    private static SkillTaxonomy taxonomy;
    private static OccupationEvaluationSet set;

    private EscoSet() {
    }

    static synchronized SkillTaxonomy taxonomy() throws IOException {
        if (taxonomy == null) {
            String shared = System.getProperty(PROPERTY);
            assumeTrue(shared != null && !shared.isBlank(),
                    "system property " + PROPERTY + " is not set; skipping the ESCO evaluation");
            Path dir = Path.of(shared, "esco-v1.1.1");
            assumeTrue(Files.isRegularFile(dir.resolve("skills_en.csv")),
                    "no ESCO data at " + dir + "; skipping the ESCO evaluation");
            taxonomy = EscoLoader.load(dir);
        }
        return taxonomy;
    }

    static synchronized OccupationEvaluationSet set() throws IOException {
        if (set == null) {
            set = OccupationEvaluationSet.build(taxonomy(), SIZE, SEED);
        }
        return set;
    }

    /** An in-memory matcher on ESCO holding the set, indexed with the given settings. */
    static Matcher matcher(RankingSettings settings) throws IOException {
        Matcher m = Matcher.builder().taxonomy(taxonomy()).ranking(settings).build();
        OccupationEvaluationSet s = set();
        var rejected = m.upsertProfiles(s.profiles());
        var rejectedV = m.upsertVacancies(s.vacancies());
        if (!rejected.rejected().isEmpty() || !rejectedV.rejected().isEmpty()) {
            throw new IllegalStateException("the evaluation set has invalid records: " + rejected + " " + rejectedV);
        }
        m.refresh();
        return m;
    }

    /** Held out: the outcomes of every third ISCO minor group (by a seeded order), so tuning never sees them. */
    static boolean heldOut(Outcome o) throws IOException {
        String group = OccupationEvaluationSet.minorGroup(taxonomy(), set().occupationOf().get(o.vacancy()));
        return Math.floorMod((group + SEED).hashCode(), 3) == 0;
    }

    static List<Outcome> train() throws IOException {
        List<Outcome> out = new java.util.ArrayList<>();
        for (Outcome o : set().outcomes()) {
            if (!heldOut(o)) {
                out.add(o);
            }
        }
        return out;
    }

    static List<Outcome> heldOutOutcomes() throws IOException {
        List<Outcome> out = new java.util.ArrayList<>();
        for (Outcome o : set().outcomes()) {
            if (heldOut(o)) {
                out.add(o);
            }
        }
        return out;
    }
}
