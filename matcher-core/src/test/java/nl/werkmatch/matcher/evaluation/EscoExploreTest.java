package nl.werkmatch.matcher.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

class EscoExploreTest {
    @Test
    void explore() throws Exception {
        long t0 = System.nanoTime();
        var set = EscoSet.set();
        System.out.printf("set: %d profiles, %d vacancies, %d outcomes, %.1fs%n", set.profiles().size(),
                set.vacancies().size(), set.outcomes().size(), (System.nanoTime() - t0) / 1e9);
        Map<String, RankingSettings> variants = new LinkedHashMap<>();
        RankingSettings d = RankingSettings.DEFAULT;
        SkillSimilarity.Config c = d.similarity();
        EvidenceWeights e = d.evidence();
        variants.put("defaults", d);
        String only = System.getProperty("explore.only", "");
        if (!only.equals("defaults")) {
        variants.put("sibling 0", d.withSimilarity(new SkillSimilarity.Config(c.narrower(), c.broader(), 0.0, c.related(), c.maxDepth(), c.maxNeighbours())));
        variants.put("sibling 0.15", d.withSimilarity(new SkillSimilarity.Config(c.narrower(), c.broader(), 0.15, c.related(), c.maxDepth(), c.maxNeighbours())));
        variants.put("related 0.25", d.withSimilarity(new SkillSimilarity.Config(c.narrower(), c.broader(), c.sibling(), 0.25, c.maxDepth(), c.maxNeighbours())));
        variants.put("cap 64", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), e.experienceEssential(), e.experienceImportant(), e.experienceOptional(), 64)));
        variants.put("cap 512", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), e.experienceEssential(), e.experienceImportant(), e.experienceOptional(), 512)));
        variants.put("exp 0.6/0.4/0.2", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), 0.6, 0.4, 0.2, e.maxCoveredSkills())));
        variants.put("exp 1.0/0.8/0.6", d.withEvidence(new EvidenceWeights(e.declared(), e.assessed(), e.certified(), e.inferred(), 1.0, 0.8, 0.6, e.maxCoveredSkills())));
        }
        EvaluationOptions options = EvaluationOptions.DEFAULT.withBootstrapSamples(200).withProgress(System.out::println);
        for (var v : variants.entrySet()) {
            long t = System.nanoTime();
            try (Matcher m = EscoSet.matcher(v.getValue())) {
                long t1 = System.nanoTime();
                EvaluationReport r = Evaluation.run(m, set.outcomes(), options);
                System.out.printf("== %s (index %.1fs, eval %.1fs)%n%s", v.getKey(), (t1 - t) / 1e9,
                        (System.nanoTime() - t1) / 1e9, r.toText());
            }
        }
    }
}
