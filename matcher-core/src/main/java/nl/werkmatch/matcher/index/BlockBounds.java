package nl.werkmatch.matcher.index;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

import org.apache.lucene.search.DocIdSetIterator;

/**
 * Upper bounds of a clause's score per block of {@link SegmentSummary#BLOCK} documents, computed on first use, for
 * a scorer's {@code advanceShallow} and {@code getMaxScore}. A range of more than {@value #MAX_BLOCKS} blocks
 * answers the global maximum: a loose bound then costs less than computing a tight one.
 */
final class BlockBounds {
    static final int MAX_BLOCKS = 256;
    private final float[] bounds;
    private final float global;
    private final IntToDoubleFunction bound;

    BlockBounds(int blocks, float global, IntToDoubleFunction bound) {
        this.bounds = new float[blocks];
        Arrays.fill(bounds, Float.NaN);
        this.global = global;
        this.bound = bound;
    }

    /** The last doc id of the block holding {@code target}. */
    int blockEnd(int target) {
        if (target == DocIdSetIterator.NO_MORE_DOCS) {
            return target;
        }
        int block = target >>> SegmentSummary.BLOCK_SHIFT;
        return block >= bounds.length - 1 ? DocIdSetIterator.NO_MORE_DOCS : ((block + 1) << SegmentSummary.BLOCK_SHIFT) - 1;
    }

    /** The highest score of any document in [from, upTo]. */
    float max(int from, int upTo) {
        int first = Math.max(0, from) >>> SegmentSummary.BLOCK_SHIFT;
        int last = Math.min(upTo, bounds.length * SegmentSummary.BLOCK - 1) >>> SegmentSummary.BLOCK_SHIFT;
        if (first >= bounds.length) {
            return 0;
        }
        if (last - first >= MAX_BLOCKS) {
            return global;
        }
        float m = 0;
        for (int b = first; b <= last; b++) {
            float x = bounds[b];
            if (Float.isNaN(x)) {
                // rounded up, so float arithmetic in Lucene's sums never lets the bound fall below a real score
                x = Math.min(global, Math.nextUp((float) bound.applyAsDouble(b)));
                bounds[b] = x;
            }
            m = Math.max(m, x);
        }
        return m;
    }
}
