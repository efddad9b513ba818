package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Top n by score of the documents that also pass a per-document test, applied as they are collected. Lucene's
 * MaxScore scorer evaluates a filter clause for every document of a window before it scores any, so a filter over
 * doc values would run for every document in the search circle; here it runs only for documents whose score can
 * still enter the top n. The collector raises its threshold only with documents that passed, so the result is the
 * exact top n of the filtered documents.
 */
final class PostFilteredTopDocs implements CollectorManager<PostFilteredTopDocs.Filtered, TopDocs> {
    private final TopScoreDocCollectorManager topDocs;
    private final DocPredicateQuery.Predicate predicate;

    PostFilteredTopDocs(int n, DocPredicateQuery.Predicate predicate) {
        // count no hits beyond the page: pruning starts as soon as n documents are collected
        this.topDocs = new TopScoreDocCollectorManager(n, null, n);
        this.predicate = predicate;
    }

    @Override
    public Filtered newCollector() {
        return new Filtered(topDocs.newCollector());
    }

    @Override
    public TopDocs reduce(Collection<Filtered> collectors) throws IOException {
        List<TopScoreDocCollector> inner = new ArrayList<>(collectors.size());
        for (Filtered f : collectors) {
            inner.add(f.top);
        }
        return topDocs.reduce(inner);
    }

    final class Filtered extends FilterCollector {
        private final TopScoreDocCollector top;

        Filtered(TopScoreDocCollector top) {
            super(top);
            this.top = top;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            DocPredicateQuery.LeafTest test = predicate.open(context.reader());
            return new FilterLeafCollector(super.getLeafCollector(context)) {
                @Override
                public void collect(int doc) throws IOException {
                    if (test.test(doc)) {
                        in.collect(doc);
                    }
                }
            };
        }
    }
}
