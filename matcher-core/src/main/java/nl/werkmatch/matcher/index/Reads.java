package nl.werkmatch.matcher.index;

import java.util.Optional;
import java.util.function.Consumer;

import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Reads stored records back (from their stored JSON) and counts them, as of the last refresh. Public for
 * {@code Matcher} only; this package is not exported.
 */
public final class Reads {
    private final Storage storage;
    private final ExchangeFormat format;

    Reads(Storage storage, ExchangeFormat format) {
        this.storage = storage;
        this.format = format;
    }

    /** The visible profile with this id. */
    public Optional<Profile> profile(String id) {
        return storage.read(() -> Optional.ofNullable(storage.profiles().json(id)).map(format::readProfile));
    }

    /** The visible vacancy with this id. */
    public Optional<Vacancy> vacancy(String id) {
        return storage.read(() -> Optional.ofNullable(storage.vacancies().json(id)).map(format::readVacancy));
    }

    /** Every visible profile, read from one snapshot of the index; writes during the walk are not seen. */
    public void forEachProfile(Consumer<Profile> sink) {
        storage.read(() -> {
            storage.profiles().forEachVisibleJson((json, n) -> sink.accept(format.readProfile(json)));
            return null;
        });
    }

    /** Every visible vacancy, read from one snapshot of the index; writes during the walk are not seen. */
    public void forEachVacancy(Consumer<Vacancy> sink) {
        storage.read(() -> {
            storage.vacancies().forEachVisibleJson((json, n) -> sink.accept(format.readVacancy(json)));
            return null;
        });
    }

    /** Visible profiles. */
    public int profileCount() {
        storage.ensureOpen();
        return storage.profiles().count();
    }

    /** Visible vacancies. */
    public int vacancyCount() {
        storage.ensureOpen();
        return storage.vacancies().count();
    }
}
