package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void everyIndexIsRunExactlyOnceWhateverTheRangeAndThreads() {
        try (Workers workers = new Workers(3, null)) {
            for (int n : new int[] {0, 1, 2, 7, 64, 65, 1000, 4099}) {
                for (int threads = 1; threads <= 4; threads++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(n);
                    workers.run(threads, n, (lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            seen.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertThat(seen.get(i)).as("n %d, threads %d, index %d", n, threads, i).isEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void aStalledThreadsShareIsTakenByTheOthers() {
        try (Workers workers = new Workers(2, null)) {
            AtomicInteger byStalled = new AtomicInteger();
            AtomicInteger stalls = new AtomicInteger();
            int n = 2000;
            AtomicInteger done = new AtomicInteger();
            workers.run(2, n, (lo, hi) -> {
                if (lo == 0) {
                    stalls.incrementAndGet();
                    // the thread with the first block waits until the other did everything else
                    assertThat(awaitRest(done, n, hi - lo)).isTrue();
                    byStalled.addAndGet(hi - lo);
                }
                done.addAndGet(hi - lo);
            });
            assertThat(done.get()).isEqualTo(n);
            assertThat(stalls.get()).isEqualTo(1);
            assertThat(byStalled.get()).as("the stalled thread did only its first block").isLessThanOrEqualTo(32);
        }
    }

    @Test
    void aBatchDoesNotWaitForAPoolBusyWithSomethingElse() throws Exception {
        try (Workers workers = new Workers(2, null)) {
            CountDownLatch busy = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            for (int t = 0; t < 2; t++) {   // every pool thread taken, as by a long flush and a refresh
                workers.scheduler().submit(() -> {
                    busy.countDown();
                    release.await();
                    return null;
                });
            }
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                int n = 1000;
                AtomicIntegerArray seen = new AtomicIntegerArray(n);
                Thread caller = new Thread(() -> workers.run(2, n, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) {
                        seen.incrementAndGet(i);
                    }
                }));
                caller.start();
                caller.join(TimeUnit.SECONDS.toMillis(20));
                // returned while the pool is still busy: the caller did it all, the queued helper is skipped
                assertThat(caller.isAlive()).as("the batch waited for the busy pool").isFalse();
                for (int i = 0; i < n; i++) {
                    assertThat(seen.get(i)).isEqualTo(1);
                }
            } finally {
                release.countDown();
            }
        }
    }

    private static boolean awaitRest(AtomicInteger done, int n, int mine) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (done.get() < n - mine) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void theFirstFailureIsRethrownAndStopsTheBatch() {
        try (Workers workers = new Workers(2, null)) {
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> workers.run(2, 100_000, (lo, hi) -> {
                if (ran.addAndGet(hi - lo) > 500) {
                    throw new IllegalStateException("disk full");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
            assertThat(ran.get()).isLessThan(100_000);
        }
    }
}
