package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.TaxonomyMismatchException;

/**
 * Opens the two indexes of a data directory. A new directory records its settings at once; one made with the same
 * fingerprint opens as it is; one made with other settings (another taxonomy, evidence weights, similarity or index
 * format) fails with {@link TaxonomyMismatchException}, or with {@link TaxonomyMismatch#REBUILD} is rebuilt from the
 * stored JSON of its documents.
 *
 * <p>A rebuild is staged: every side that needs it is written in full, uncommitted, and only when all of them are
 * written does any of them commit. A stored document that no longer fits stops the rebuild before any commit, so the
 * directory keeps its old, consistent state (each side's writer rolls back to its last commit). Should the process
 * die between the two commits, each side still records its own fingerprint, and the next open rebuilds the side
 * left behind from documents already shown to fit.
 */
final class Migration {
    /** Turns a stored JSON document back into an index document for the current settings. */
    interface Rebuilder {
        /**
         * The id and new index document of a stored one.
         *
         * @throws InvalidInputException when the document does not fit the current taxonomy or regions
         */
        Rebuilt rebuild(boolean profile, String json);
    }

    record Rebuilt(String id, Document document) {
    }

    private final EngineConfig config;
    private final Map<String, String> commitData;
    private final Rebuilder rebuilder;

    Migration(EngineConfig config, Map<String, String> commitData, Rebuilder rebuilder) {
        this.config = config;
        this.commitData = commitData;
        this.rebuilder = rebuilder;
    }

    private long staleAfterNanos() {
        return config.refreshInterval().toNanos();
    }

    /** Opens both sides (profiles, vacancies), or none: on failure everything opened here is closed again. */
    List<IndexSide> open(Directory profilesDir, Directory vacanciesDir) throws IOException {
        Directory[] dirs = {profilesDir, vacanciesDir};
        String[] names = {Storage.PROFILES, Storage.VACANCIES};
        List<IndexSide> sides = new ArrayList<>();
        List<Integer> stale = new ArrayList<>();
        String held = null;
        boolean done = false;
        try {
            for (int i = 0; i < 2; i++) {
                Map<String, String> stored = IndexSide.committedData(dirs[i]);
                if (stored == null) {
                    IndexSide side = new IndexSide(dirs[i], true, commitData, staleAfterNanos());
                    sides.add(side);
                    side.commit(commitData);   // a new directory records its settings at once
                } else if (commitData.get(Storage.KEY_FINGERPRINT).equals(stored.get(Storage.KEY_FINGERPRINT))) {
                    sides.add(new IndexSide(dirs[i], false, commitData, staleAfterNanos()));
                } else {
                    sides.add(null);
                    stale.add(i);
                    held = stored.getOrDefault(Storage.KEY_TAXONOMY, "an unknown taxonomy");
                }
            }
            if (!stale.isEmpty()) {
                if (config.onMismatch() == TaxonomyMismatch.FAIL) {
                    throw new TaxonomyMismatchException("the data directory " + config.directory()
                            + " was indexed with taxonomy " + held + " (or other scoring settings); this matcher uses "
                            + taxonomy() + ". Use the same taxonomy, or allow a rebuild from the stored documents.");
                }
                rebuild(dirs, names, sides, stale, held);
            }
            done = true;
            return sides;
        } finally {
            if (!done) {
                // each side closes its directory; a directory whose side never opened is closed by the caller
                IOUtils.closeWhileHandlingException(sides);
            }
        }
    }

    private String taxonomy() {
        return config.taxonomy().id() + " v" + config.taxonomy().version();
    }

    /** Stages every stale side, then commits them all; on any failure rolls every staged side back. */
    private void rebuild(Directory[] dirs, String[] names, List<IndexSide> sides, List<Integer> stale, String held)
            throws IOException {
        List<IndexSide> staged = new ArrayList<>();
        try {
            for (int i : stale) {
                config.progress().accept("Rebuilding " + names[i] + " index (was " + held + ", now " + taxonomy() + ")");
                staged.add(stage(dirs[i], names[i], i == 0));
            }
        } catch (IOException | RuntimeException e) {
            for (IndexSide s : staged) {
                try {
                    s.rollback();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        for (int j = 0; j < stale.size(); j++) {
            IndexSide side = staged.get(j);
            side.commit(commitData);
            side.refresh();
            sides.set(stale.get(j), side);
            config.progress().accept("Rebuilt " + names[stale.get(j)] + " index: " + side.count() + " documents");
        }
    }

    /** Writes a side anew from its stored documents, without committing; rolls it back itself when that fails. */
    private IndexSide stage(Directory dir, String name, boolean profiles) throws IOException {
        try (DirectoryReader old = DirectoryReader.open(dir)) {
            int total = old.numDocs();
            IndexSide fresh = new IndexSide(dir, true, commitData, staleAfterNanos());
            long start = System.nanoTime();
            try {
                IndexSide.forEachJson(old, (json, n) -> {
                    try {
                        Rebuilt doc = rebuilder.rebuild(profiles, json);
                        fresh.upsert(doc.id(), doc.document());
                    } catch (InvalidInputException e) {
                        throw new TaxonomyMismatchException("cannot rebuild the " + name + " index with taxonomy "
                                + taxonomy() + ": a stored document no longer fits it (" + e.getMessage()
                                + "); nothing was changed");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (n % 10_000 == 0 || n == total) {
                        double secs = (System.nanoTime() - start) / 1e9;
                        config.progress().accept(String.format(Locale.ROOT, "  %s: %,d of %,d documents (%.0f/s)",
                                name, n, total, n / Math.max(secs, 1e-3)));
                    }
                });
            } catch (UncheckedIOException e) {
                fresh.rollback();
                throw e.getCause();
            } catch (RuntimeException e) {
                fresh.rollback();
                throw e;
            }
            return fresh;
        }
    }
}
