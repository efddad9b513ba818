package nl.werkmatch.matcher.index;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;

/**
 * A scorer that matches every document of a segment and scores it from per-document arrays, telling Lucene's
 * top-k scorer the best score of each block ({@link BlockBounds}) or, without bounds, one global maximum.
 */
abstract class EveryDocScorer extends Scorer {
    private final DocIdSetIterator all;
    private final BlockBounds bounds;
    private final float max;
    private int shallow;

    /**
     * @param bounds per-block bounds, or null to report {@code max} everywhere
     */
    EveryDocScorer(int maxDoc, BlockBounds bounds, float max) {
        this.all = DocIdSetIterator.all(maxDoc);
        this.bounds = bounds;
        this.max = max;
    }

    @Override
    public final int docID() {
        return all.docID();
    }

    @Override
    public final DocIdSetIterator iterator() {
        return all;
    }

    @Override
    public final int advanceShallow(int target) {
        shallow = target;
        return bounds == null ? DocIdSetIterator.NO_MORE_DOCS : bounds.blockEnd(target);
    }

    @Override
    public final float getMaxScore(int upTo) {
        return bounds == null ? max : bounds.max(Math.max(shallow, docID()), upTo);
    }
}
