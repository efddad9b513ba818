package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * The per-block upper bounds the distance and attribute clauses give Lucene's top-k scorer must hold: for every
 * block of documents and every range of blocks, no document scores above the bound. A bound too low would make the
 * engine skip a document that belongs in the top k.
 */
class BlockBoundsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void noDocumentScoresAboveItsBlockBound() throws IOException {
        SkillTaxonomy taxonomy = TaxonomyJson.sample();
        Regions regions = Regions.netherlands();
        nl.werkmatch.matcher.internal.Scorer scorer = new nl.werkmatch.matcher.internal.Scorer(taxonomy, SkillSimilarity.of(taxonomy, SkillSimilarity.Config.DEFAULT),
                EvidenceWeights.DEFAULT, regions);
        CompactForm compact = new CompactForm(scorer);
        ExchangeFormat format = ExchangeFormat.create();
        SyntheticWorld world = SyntheticWorld.builder(taxonomy, regions).seed(21).today(TODAY).build();
        List<PreparedProfile> profiles = world.profiles(4000).map(scorer::prepare).toList();
        List<PreparedVacancy> vacancies = world.vacancies(300).map(scorer::prepare).toList();
        Random rnd = new Random(3);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setIndexSort(new Sort(new SortField(Fields.PLACE, SortField.Type.LONG)));
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (PreparedProfile p : profiles) {
                    w.addDocument(Documents.profile(p, compact.encode(p), format.writeProfile(p.profile())));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int checkedBlocks = 0;
                for (int q = 0; q < 40; q++) {
                    ScoringWeights weights = q % 2 == 0 ? ScoringWeights.DEFAULT
                            : ScoringWeights.normalized(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(),
                            rnd.nextDouble(), rnd.nextDouble(), 2 + rnd.nextInt(30));
                    PreparedVacancy v = vacancies.get(rnd.nextInt(vacancies.size()));
                    QueryCompiler.Compiled c = QueryCompiler.candidatesFor(v, MatchRequest.builder().minSkillFit(0.0).build(), weights,
                            TODAY, Set.of());
                    if (c.matchesNothing()) {
                        continue;
                    }
                    for (BooleanClause clause : ((BooleanQuery) c.query()).clauses()) {
                        Query part = clause.query();
                        if (part instanceof AttributeScoreQuery || part instanceof DistanceScoreQuery) {
                            checkedBlocks += check(searcher, part, rnd);
                        }
                    }
                }
                assertThat(checkedBlocks).isGreaterThan(1000);
            }
        }
    }

    /** Checks single blocks and random ranges of blocks; returns how many blocks were checked. */
    private static int check(IndexSearcher searcher, Query query, Random rnd) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
        int checked = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int maxDoc = leaf.reader().maxDoc();
            float[] actual = new float[maxDoc];
            Scorer all = weight.scorerSupplier(leaf).get(Long.MAX_VALUE);
            for (int doc = all.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = all.iterator().nextDoc()) {
                actual[doc] = all.score();
            }
            for (int t = 0; t < 60; t++) {
                int from = rnd.nextInt(maxDoc);
                int upTo = Math.min(maxDoc - 1, from + (t % 3 == 0 ? rnd.nextInt(maxDoc) : rnd.nextInt(300)));
                Scorer s = weight.scorerSupplier(leaf).get(Long.MAX_VALUE);
                s.advanceShallow(from);
                float bound = s.getMaxScore(upTo);
                float highest = 0;
                for (int d = from; d <= upTo; d++) {
                    highest = Math.max(highest, actual[d]);
                }
                assertThat(highest).as("%s, docs %d..%d", query, from, upTo).isLessThanOrEqualTo(bound);
                checked += 1 + (upTo - from) / SegmentSummary.BLOCK;
            }
        }
        return checked;
    }
}
