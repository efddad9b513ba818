package nl.werkmatch.matcher.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.document.Document;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Writes records: validates them ({@link Validation}), prepares them, encodes their documents and hands them to the
 * index writer; large batches on every core. Deletes say whether they removed a document. Public for
 * {@code Matcher} only; this package is not exported.
 */
public final class BatchWriter {
    /** Below this many documents a batch is written by the calling thread alone. */
    private static final int PARALLEL_MIN = 64;
    /** A batch is validated, prepared and written this many documents at a time, bounding the memory it holds. */
    private static final int SLICE = 2048;

    private final Storage storage;
    private final Validation validation;
    private final Encoder encoder;

    BatchWriter(Storage storage, Validation validation, Encoder encoder) {
        this.storage = storage;
        this.validation = validation;
        this.encoder = encoder;
    }

    /** Validates and writes one profile; throws {@code InvalidInputException} and writes nothing when it is invalid. */
    public void upsert(Profile p) {
        Validation.Checked c = validation.check(p);
        Validation.require(c.problems());
        Document doc = encoder.profile(p, c.json());
        storage.io(() -> storage.profiles().upsert(p.id(), doc));
    }

    /** Validates and writes one vacancy; see {@link #upsert(Profile)}. */
    public void upsert(Vacancy v) {
        Validation.Checked c = validation.check(v);
        Validation.require(c.problems());
        Document doc = encoder.vacancy(v, c.json());
        storage.io(() -> storage.vacancies().upsert(v.id(), doc));
    }

    /** Writes every valid profile of the batch and reports the others. */
    public BatchResult upsertProfiles(List<Profile> batch) {
        return upsertAll(batch, Profile::id, validation::check, encoder::profile, storage.profiles());
    }

    /** Writes every valid vacancy of the batch and reports the others. */
    public BatchResult upsertVacancies(List<Vacancy> batch) {
        return upsertAll(batch, Vacancy::id, validation::check, encoder::vacancy, storage.vacancies());
    }

    private interface DocBuilder<T> {
        Document build(T item, String json);
    }

    /**
     * Validates, prepares and writes a batch, on every core for large batches: validation and preparation are most
     * of the cost and Lucene's writer takes documents from several threads at once. When an id occurs twice in a
     * slice, the documents are prepared in parallel but written in the batch's order, so the last one wins as it
     * would one by one.
     */
    private <T> BatchResult upsertAll(List<T> batch, Function<T, String> idOf, Function<T, Validation.Checked> checker,
                                      DocBuilder<T> builder, IndexSide side) {
        storage.ensureOpen();
        Workers workers = storage.workers();
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        int written = 0;
        for (int from = 0; from < batch.size(); from += SLICE) {
            int to = Math.min(batch.size(), from + SLICE);
            int n = to - from;
            Validation.Checked[] checked = new Validation.Checked[n];
            Document[] docs = new Document[n];
            int base = from;
            int threads = n < PARALLEL_MIN ? 1 : Math.min(workers.parallelism(), (n + PARALLEL_MIN - 1) / PARALLEL_MIN);
            boolean inOrder = threads == 1 || distinctIds(batch, idOf, from, to);
            workers.run(threads, n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    T item = batch.get(base + i);
                    Validation.Checked c = checker.apply(item);
                    checked[i] = c;
                    if (c.valid()) {
                        Document d = builder.build(item, c.json());
                        docs[i] = d;
                        if (inOrder) {
                            storage.io(() -> side.upsert(c.id(), d));
                        }
                    }
                }
            });
            for (int i = 0; i < n; i++) {
                Validation.Checked c = checked[i];
                if (!c.valid()) {
                    rejected.add(new BatchResult.Rejected(base + i, c.id(), c.problems()));
                    continue;
                }
                if (!inOrder) {
                    Document d = docs[i];
                    storage.io(() -> side.upsert(c.id(), d));
                }
                written++;
            }
        }
        return new BatchResult(written, rejected);
    }

    private static <T> boolean distinctIds(List<T> batch, Function<T, String> idOf, int from, int to) {
        Set<String> ids = new HashSet<>();
        for (int i = from; i < to; i++) {
            if (!ids.add(idOf.apply(batch.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Deletes a profile; returns whether a document with that id was removed (visible or written since). */
    public boolean deleteProfile(String id) {
        return delete(storage.profiles(), id);
    }

    /** Deletes a vacancy; see {@link #deleteProfile}. */
    public boolean deleteVacancy(String id) {
        return delete(storage.vacancies(), id);
    }

    /** Deletes every profile id of the collection; returns how many documents were removed. */
    public int deleteProfiles(Collection<String> ids) {
        return deleteAll(storage.profiles(), ids);
    }

    /** Deletes every vacancy id of the collection; returns how many documents were removed. */
    public int deleteVacancies(Collection<String> ids) {
        return deleteAll(storage.vacancies(), ids);
    }

    private int deleteAll(IndexSide side, Collection<String> ids) {
        int removed = 0;
        for (String id : ids) {
            removed += delete(side, id) ? 1 : 0;
        }
        return removed;
    }

    private boolean delete(IndexSide side, String id) {
        return storage.write(() -> side.delete(id));
    }
}
