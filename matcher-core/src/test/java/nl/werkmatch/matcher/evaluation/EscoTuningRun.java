package nl.werkmatch.matcher.evaluation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/**
 * The measurements behind the README's ESCO figures and the defaults: variants of the sibling and related
 * credits, the coverage cap and the experience evidence on the ESCO set, and a tuning run of the credits on the
 * training families with held-out figures. Minutes of CPU, so not part of the build: run it with
 * {@code mvn -pl matcher-core test -Dtest=EscoTuningRun -Dwerkmatch.esco.measure=true}.
 */
class EscoTuningRun {

    @Test
    void measure() throws Exception {
        assumeTrue(Boolean.getBoolean("werkmatch.esco.measure"),
                "set -Dwerkmatch.esco.measure=true to run the ESCO measurements (minutes)");
        var set = EscoSet.set();
        RankingSettings d = RankingSettings.DEFAULT;
        SkillSimilarity.Config c = d.similarity();
        EvidenceWeights e = d.evidence();
        Map<String, RankingSettings> variants = new LinkedHashMap<>();
        variants.put("defaults", d);
        variants.put("sibling 0", d.withSimilarity(new SkillSimilarity.Config(c.narrower(), c.broader(), 0.0, c.related(), c.maxDepth(), c.maxNeighbours())));
        variants.put("sibling 0.15", d.withSimilarity(new SkillSimilarity.Config(c.narrower(), c.broader(), 0.15, c.related(), c.maxDepth(), c.maxNeighbours())));
        variants.put("related 0.25", d.withSimilarity(new SkillSimilarity.Config(c.narrower(), c.broader(), c.sibling(), 0.25, c.maxDepth(), c.maxNeighbours())));
        variants.put("related 0", d.withSimilarity(new SkillSimilarity.Config(c.narrower(), c.broader(), c.sibling(), 0.0, c.maxDepth(), c.maxNeighbours())));
        variants.put("cap 64", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), e.experienceEssential(), e.experienceImportant(), e.experienceOptional(), 64)));
        variants.put("cap 256", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), e.experienceEssential(), e.experienceImportant(), e.experienceOptional(), 256)));
        variants.put("experience 0.6/0.4/0.2", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), 0.6, 0.4, 0.2, e.maxCoveredSkills())));
        variants.put("experience 0.8/0.4/0.2", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), 0.8, 0.4, 0.2, e.maxCoveredSkills())));
        EvaluationOptions options = EvaluationOptions.DEFAULT.withBootstrapSamples(200);
        for (var v : variants.entrySet()) {
            try (Matcher m = EscoSet.matcher(v.getValue())) {
                EvaluationReport train = Evaluation.run(m, EscoSet.train(), options);
                EvaluationReport held = Evaluation.run(m, EscoSet.heldOutOutcomes(), options);
                System.out.printf("== %s: train nDCG@10 cand %.4f vac %.4f | held-out cand %s vac %s%n", v.getKey(),
                        train.direction(Direction.CANDIDATES).system(EvaluationReport.ENGINE).ndcg().mean(),
                        train.direction(Direction.VACANCIES).system(EvaluationReport.ENGINE).ndcg().mean(),
                        held.direction(Direction.CANDIDATES).system(EvaluationReport.ENGINE).ndcg(),
                        held.direction(Direction.VACANCIES).system(EvaluationReport.ENGINE).ndcg());
                if (v.getKey().equals("defaults")) {
                    System.out.print(Evaluation.run(m, set.outcomes(), EvaluationOptions.DEFAULT).toText());
                }
            }
        }
        try (Matcher m = EscoSet.matcher(RankingSettings.DEFAULT)) {
            // Credits only: on this set the component weights other than skills and preference carry no signal.
            TuningOptions tuning = TuningOptions.DEFAULT.withPoolDepth(50).withMaxRounds(4)
                    .withEvaluation(options.withProgress(System.out::println));
            TuningResult r = Tuning.run(m, EscoSet.train(), EscoSet.heldOutOutcomes(), tuning);
            System.out.print(r.toText());
        }
    }
    /** The same on a generated world on the sample taxonomy with simulated outcomes: evaluation, floors, tuning. */
    @Test
    void measureGeneratedWorld() {
        assumeTrue(Boolean.getBoolean("werkmatch.esco.measure"),
                "set -Dwerkmatch.esco.measure=true to run the measurements (minutes)");
        try (Matcher m = World.matcher(5000, 1200, 2)) {
            var outcomes = World.outcomes(m, 400, 2);
            System.out.print("== generated world, 5000 profiles, 1200 vacancies, " + outcomes.size() + " outcomes\n"
                    + Evaluation.run(m, outcomes, EvaluationOptions.DEFAULT).toText());
            Tuning.Split split = Tuning.split(outcomes, 0.3, 1);
            TuningResult r = Tuning.run(m, split.train(), split.heldOut(), TuningOptions.DEFAULT);
            System.out.print(split.description() + "\n" + r.toText());
        }
    }
}
