package nl.werkmatch.matcher.index;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a matcher works on besides its callers': the background refresh, and helpers that take parts of a
 * large batch (the caller and the pool take blocks of the range as they become free, and the call returns when
 * every block is done, rethrowing the first failure). Either the matcher's own daemon threads, shut down on close, or an
 * executor the embedder gave, which it keeps and shuts down itself.
 */
final class Workers implements Closeable {
    /** Work on the indexes [lo, hi) of a range. */
    interface Part {
        void run(int lo, int hi);
    }

    private final int parallelism;
    private final ScheduledExecutorService pool;
    private final boolean owned;

    /** @param given the embedder's executor, or null for the matcher's own threads */
    Workers(int parallelism, ScheduledExecutorService given) {
        this.parallelism = Math.max(1, parallelism);
        this.owned = given == null;
        if (given != null) {
            this.pool = given;
        } else {
            // one thread for the refresh plus one per extra core for batches; idle threads time out
            ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(this.parallelism, r -> {
                Thread t = new Thread(r, "werkmatch-worker");
                t.setDaemon(true);
                return t;
            });
            own.setRemoveOnCancelPolicy(true);
            this.pool = own;
        }
    }

    ScheduledExecutorService scheduler() {
        return pool;
    }

    int parallelism() {
        return parallelism;
    }

    /**
     * Runs {@code part} over [0, n) on up to {@code threads} threads, the caller being one of them. The range is
     * handed out in small blocks to whichever thread is free, not split in equal shares up front: one thread may
     * stall for a while (the index writer makes the thread that fills its buffer flush it to disk), and the others
     * then take over its share instead of waiting for it at the end.
     */
    void run(int threads, int n, Part part) {
        threads = Math.min(threads, parallelism);
        if (threads <= 1) {
            part.run(0, n);
            return;
        }
        int block = Math.max(1, Math.min(MAX_BLOCK, n / (threads * 8)));
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int lo = next.getAndAdd(block); lo < n; lo = next.getAndAdd(block)) {
                try {
                    part.run(lo, Math.min(n, lo + block));
                } catch (RuntimeException e) {
                    next.set(n);   // a failing part stops the batch; the first failure is rethrown below
                    throw e;
                }
            }
        };
        // A helper still queued when the caller is done (the pool busy with a refresh or a flush) is claimed by
        // the caller and skipped, so the batch does not wait for the pool; one that started is waited for.
        List<AtomicBoolean> claims = new ArrayList<>();
        List<Future<?>> others = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            AtomicBoolean claimed = new AtomicBoolean();
            claims.add(claimed);
            others.add(pool.submit(() -> {
                if (claimed.compareAndSet(false, true)) {
                    drain.run();
                }
            }));
        }
        RuntimeException failure = null;
        try {
            drain.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int t = 0; t < others.size(); t++) {
            if (claims.get(t).compareAndSet(false, true)) {
                others.get(t).cancel(false);   // never started, and now never will: out of the pool's queue
                continue;
            }
            try {
                others.get(t).get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while indexing a batch", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The largest block a thread takes at a time: small enough to even out a stall, large enough to cost nothing. */
    private static final int MAX_BLOCK = 32;

    /** Stops the matcher's own threads; an embedder's executor is left running. */
    @Override
    public void close() {
        if (owned) {
            pool.shutdownNow();
        }
    }
}
