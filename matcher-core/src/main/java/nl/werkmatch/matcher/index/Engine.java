package nl.werkmatch.matcher.index;

import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The parts of a matcher, each with one job, opened together: {@link Storage} (the two indexes and their lifecycle),
 * {@link Validation}, {@link BatchWriter}, {@link Reads} and {@link TopKSearch}. Public for {@code Matcher} only;
 * this package is not exported.
 *
 * @param storage    the indexes, refresh, commit and close
 * @param validation whether a record may be written
 * @param writer     upserts and deletes
 * @param reads      stored records by id, walks and counts
 * @param search     exact top-k in both directions and explanations
 * @param format     the exchange format bound to the configured regions
 */
public record Engine(Storage storage, Validation validation, BatchWriter writer, Reads reads, TopKSearch search,
                     ExchangeFormat format) {

    /** Opens the data directory (or an in-memory one) the configuration names, and the parts that work on it. */
    public static Engine open(EngineConfig config) {
        Scorer scorer = new Scorer(config.taxonomy(), config.similarity(), config.evidence(), config.regions());
        CompactForm compact = new CompactForm(scorer);
        Encoder encoder = new Encoder(scorer, compact);
        ExchangeFormat format = ExchangeFormat.create(config.regions());
        Validation validation = new Validation(format, config.taxonomy());
        // a rebuild validates and prepares each stored document exactly as a write does
        Migration.Rebuilder rebuilder = (profile, json) -> {
            if (profile) {
                Profile p = format.readProfile(json);
                validation.requireValid(p);
                return new Migration.Rebuilt(p.id(), encoder.profile(p, json));
            }
            Vacancy v = format.readVacancy(json);
            validation.requireValid(v);
            return new Migration.Rebuilt(v.id(), encoder.vacancy(v, json));
        };
        Workers workers = new Workers(Runtime.getRuntime().availableProcessors(), config.executor());
        Storage storage;
        try {
            storage = Storage.open(config, rebuilder, workers);
        } catch (RuntimeException e) {
            workers.close();
            throw e;
        }
        Reads reads = new Reads(storage, format);
        return new Engine(storage, validation, new BatchWriter(storage, validation, encoder), reads,
                new TopKSearch(storage, validation, reads, scorer, compact), format);
    }
}
