package nl.werkmatch.matcher.index;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The threads a matcher works on besides its callers': the background refresh, and helpers that take parts of a
 * large batch (the caller takes the first part of the range, the pool the others, and the call returns when every
 * part is done, rethrowing the first failure). Either the matcher's own daemon threads, shut down on close, or an
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

    void run(int threads, int n, Part part) {
        threads = Math.min(threads, parallelism);
        if (threads <= 1) {
            part.run(0, n);
            return;
        }
        int chunk = (n + threads - 1) / threads;
        List<Future<?>> others = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            int lo = t * chunk;
            int hi = Math.min(n, lo + chunk);
            if (lo < hi) {
                others.add(pool.submit(() -> part.run(lo, hi)));
            }
        }
        RuntimeException failure = null;
        try {
            part.run(0, Math.min(n, chunk));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
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

    /** Stops the matcher's own threads; an embedder's executor is left running. */
    @Override
    public void close() {
        if (owned) {
            pool.shutdownNow();
        }
    }
}
