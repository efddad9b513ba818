package nl.werkmatch.matcher;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open bulk load of a {@link Matcher} ({@link Matcher#bulkLoad()}): close it when the load is done. Closing twice,
 * or after the matcher closed, does nothing.
 */
public final class BulkLoad implements AutoCloseable {
    private final Runnable end;
    private final AtomicBoolean closed = new AtomicBoolean();

    BulkLoad(Runnable end) {
        this.end = end;
    }

    /** Ends the load: the merges it held back start, in the background. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            end.run();
        }
    }
}
