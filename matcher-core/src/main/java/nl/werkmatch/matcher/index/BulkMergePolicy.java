package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;

/**
 * The index's merge policy, which holds back large merges while a bulk load is open. Few segments read fastest,
 * so the policy underneath merges eagerly; during a bulk load that rewrites every document several times over
 * (at a million profiles the merges took a quarter of an import's CPU), and a load followed by a compaction
 * writes it all once more anyway. So while a load is open only merges of small segments run (what frequent
 * refreshes leave behind stays few), the others wait until the last load closes. Forced merges (compaction,
 * purging deletions) always run.
 */
final class BulkMergePolicy extends FilterMergePolicy {
    /** While a load is open, a merge runs only when its segments hold at most this much together. */
    static final long SMALL_MERGE_BYTES = 64L << 20;

    private final AtomicInteger loads = new AtomicInteger();
    private final long smallMergeBytes;

    BulkMergePolicy(MergePolicy in) {
        this(in, SMALL_MERGE_BYTES);
    }

    BulkMergePolicy(MergePolicy in, long smallMergeBytes) {
        super(in);
        this.smallMergeBytes = smallMergeBytes;
    }

    void beginLoad() {
        loads.incrementAndGet();
    }

    /** Returns whether this was the last open load, so that the merges held back can start now. */
    boolean endLoad() {
        return loads.getAndUpdate(n -> Math.max(0, n - 1)) == 1;
    }

    void endAllLoads() {
        loads.set(0);
    }

    boolean loading() {
        return loads.get() > 0;
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        return held(super.findMerges(trigger, infos, context));
    }

    /** The merges a commit waits for (the policy underneath asks its own natural merges there). */
    @Override
    public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        return held(super.findFullFlushMerges(trigger, infos, context));
    }

    private MergeSpecification held(MergeSpecification all) throws IOException {
        if (all == null || !loading()) {
            return all;
        }
        MergeSpecification small = new MergeSpecification();
        for (OneMerge merge : all.merges) {
            if (bytes(merge) <= smallMergeBytes) {
                small.add(merge);
            }
        }
        return small.merges.isEmpty() ? null : small;
    }

    private static long bytes(OneMerge merge) throws IOException {
        long sum = 0;
        for (SegmentCommitInfo info : merge.segments) {
            sum += info.sizeInBytes();
        }
        return sum;
    }
}
