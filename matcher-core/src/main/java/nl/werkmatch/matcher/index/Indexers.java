package nl.werkmatch.matcher.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A few daemon threads that help the calling thread through a large batch: the caller takes the first part of the
 * range, the pool the others, and the call returns when every part is done (rethrowing the first failure).
 */
final class Indexers {
    /** Work on the indexes [lo, hi) of a range. */
    interface Part {
        void run(int lo, int hi);
    }

    private final int parallelism;
    private final ExecutorService pool;

    Indexers(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.pool = this.parallelism == 1 ? null : Executors.newFixedThreadPool(this.parallelism - 1, r -> {
            Thread t = new Thread(r, "werkmatch-indexer");
            t.setDaemon(true);
            return t;
        });
    }

    int parallelism() {
        return parallelism;
    }

    void run(int threads, int n, Part part) {
        threads = Math.min(threads, parallelism);
        if (threads <= 1 || pool == null) {
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

    void shutdown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
