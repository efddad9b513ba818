package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * The premise of exact pruning: for every document the compiled query matches, Lucene's score plus the
 * query's constant lies within the query's stated error of {@link Scorer}'s exact score, and the query
 * matches exactly the pairs the filters admit.
 */
class ErrorBoundTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void luceneScoresStayWithinTheStatedErrorOfTheExactScores() throws IOException {
        SkillTaxonomy taxonomy = TaxonomyJson.sample();
        Regions regions = Regions.netherlands();
        Scorer scorer = new Scorer(taxonomy, SkillSimilarity.of(taxonomy, SkillSimilarity.Config.DEFAULT),
                EvidenceWeights.DEFAULT, regions);
        ExchangeFormat format = ExchangeFormat.create();
        CompactForm compact = new CompactForm(scorer);
        SyntheticWorld world = SyntheticWorld.builder(taxonomy, regions).seed(11).today(TODAY).build();
        List<PreparedProfile> profiles = world.profiles(3000).map(scorer::prepare).toList();
        List<PreparedVacancy> vacancies = world.vacancies(1500).map(scorer::prepare).toList();
        Random rnd = new Random(5);
        try (ByteBuffersDirectory pdir = new ByteBuffersDirectory(); ByteBuffersDirectory vdir = new ByteBuffersDirectory()) {
            try (IndexWriter pw = new IndexWriter(pdir, new IndexWriterConfig());
                 IndexWriter vw = new IndexWriter(vdir, new IndexWriterConfig())) {
                for (PreparedProfile p : profiles) {
                    pw.addDocument(Documents.profile(p, compact.encode(p), format.writeProfile(p.profile())));
                }
                for (PreparedVacancy v : vacancies) {
                    vw.addDocument(Documents.vacancy(v, compact.encode(v), format.writeVacancy(v.vacancy())));
                }
            }
            try (DirectoryReader pr = DirectoryReader.open(pdir); DirectoryReader vr = DirectoryReader.open(vdir)) {
                IndexSearcher ps = new IndexSearcher(pr);
                IndexSearcher vs = new IndexSearcher(vr);
                Map<String, PreparedProfile> byProfileId = new HashMap<>();
                profiles.forEach(p -> byProfileId.put(p.id(), p));
                Map<String, PreparedVacancy> byVacancyId = new HashMap<>();
                vacancies.forEach(v -> byVacancyId.put(v.id(), v));
                double worst = 0;
                int checked = 0;
                for (int q = 0; q < 30; q++) {
                    ScoringWeights w = q % 2 == 0 ? ScoringWeights.DEFAULT
                            : ScoringWeights.normalized(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(),
                            rnd.nextDouble(), rnd.nextDouble(), 3 + rnd.nextInt(40));
                    MatchRequest r = MatchRequest.builder().withinKm(q % 3 == 0 ? 40.0 : null).maxLanguageGap(rnd.nextInt(4))
                            .ignoreTravelLimit(q % 4 == 0).requireEssentialSkills(q % 5 == 0)
                            .minSkillFit(q % 3 == 1 ? 0.02 + rnd.nextDouble() * 0.3 : 0.0).build();

                    PreparedVacancy v = vacancies.get(rnd.nextInt(vacancies.size()));
                    QueryCompiler.Compiled c = QueryCompiler.candidatesFor(v, r, w, TODAY, Set.of());
                    List<String> matched = new ArrayList<>();
                    for (ScoreDoc hit : c.search(ps, Math.max(1, pr.maxDoc())).scoreDocs) {
                        PreparedProfile p = byProfileId.get(ps.storedFields().document(hit.doc).get(Fields.ID));
                        double error = Math.abs(hit.score + c.constant() - Scorer.score(p, v, w));
                        assertThat(error).as("profile %s for %s", p.id(), v.id()).isLessThanOrEqualTo(c.maxError());
                        worst = Math.max(worst, error);
                        matched.add(p.id());
                        checked++;
                    }
                    List<String> admitted = profiles.stream()
                            .filter(p -> PairFilter.admits(p, v, r, TODAY, Set.of(), true)).map(PreparedProfile::id).toList();
                    agrees(matched, admitted, r, c, id -> Scorer.skillsValue(byProfileId.get(id), v));

                    PreparedProfile p = profiles.get(rnd.nextInt(profiles.size()));
                    c = QueryCompiler.vacanciesFor(p, r, w, TODAY, Set.of());
                    matched = new ArrayList<>();
                    for (ScoreDoc hit : c.search(vs, Math.max(1, vr.maxDoc())).scoreDocs) {
                        PreparedVacancy vac = byVacancyId.get(vs.storedFields().document(hit.doc).get(Fields.ID));
                        double error = Math.abs(hit.score + c.constant() - Scorer.score(p, vac, w));
                        assertThat(error).as("vacancy %s for %s", vac.id(), p.id()).isLessThanOrEqualTo(c.maxError());
                        worst = Math.max(worst, error);
                        matched.add(vac.id());
                        checked++;
                    }
                    admitted = vacancies.stream()
                            .filter(vac -> PairFilter.admits(p, vac, r, TODAY, Set.of(), false)).map(PreparedVacancy::id).toList();
                    agrees(matched, admitted, r, c, id -> Scorer.skillsValue(p, byVacancyId.get(id)));
                }
                assertThat(checked).as("pairs checked").isGreaterThan(1000);
                System.out.printf("error bound: %,d pairs checked, largest |lucene + constant - exact| = %.2e%n", checked, worst);
            }
        }
    }

    /**
     * Without a skill floor the query matches exactly the admitted documents. With one it may match more (the
     * floor is checked exactly when rescoring), but never fewer, and never a document with no skill evidence.
     */
    private static void agrees(List<String> matched, List<String> admitted, MatchRequest r, QueryCompiler.Compiled c,
                               java.util.function.ToDoubleFunction<String> skills) {
        if (r.minSkillFit() == 0) {
            if (!c.matchesNothing()) {
                assertThat(matched).containsExactlyInAnyOrderElementsOf(admitted);
            }
            return;
        }
        assertThat(matched).containsAll(admitted);
        assertThat(matched).allSatisfy(id -> assertThat(skills.applyAsDouble(id)).as(id + " skills").isGreaterThan(0));
    }
}
