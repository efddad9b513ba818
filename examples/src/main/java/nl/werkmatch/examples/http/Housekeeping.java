package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.stream.Stream;

import nl.werkmatch.examples.RecordStore;

/**
 * What the service does besides answering: commits writes every few seconds (so that a crash loses at most
 * those seconds), remembers when it last committed, and measures the data directory, for the metrics.
 */
final class Housekeeping implements AutoCloseable {
    private final RecordStore matcher;
    private final Path directory;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile long lastCommitMillis;
    private ScheduledExecutorService scheduler;

    /** @param directory the matcher's data directory, or null for an in-memory matcher */
    Housekeeping(RecordStore matcher, Path directory) {
        this.matcher = matcher;
        this.directory = directory;
    }

    /** Commits every {@code every} while there were writes, until {@link #close()}. */
    synchronized Housekeeping start(Duration every) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("werkmatch-commit").factory());
            scheduler.scheduleWithFixedDelay(this::commitIfWritten, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** A write route wrote something. */
    void written() {
        dirty.set(true);
    }

    /** Commits now (after a purge, which commits itself, or on stop). */
    void committed() {
        lastCommitMillis = System.currentTimeMillis();
    }

    private void commitIfWritten() {
        if (dirty.getAndSet(false)) {
            try {
                matcher.commit();
                committed();
            } catch (RuntimeException e) {
                dirty.set(true);
                Front.LOG.log(Level.WARNING, "the periodic commit failed; it is tried again", e);
            }
        }
    }

    /** When the last commit made by the service finished, in milliseconds since the epoch, or 0 before the first. */
    long lastCommitMillis() {
        return lastCommitMillis;
    }

    /** Bytes of the data directory's files, or -1 for an in-memory matcher. */
    long directoryBytes() {
        if (directory == null) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // removed by a merge while we walked
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** Stops the periodic commit and commits what is left. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            commitIfWritten();
        }
    }
}
