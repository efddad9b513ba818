package nl.werkmatch.examples;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.opensearch.ClusterMatcher;

/**
 * Exactly what the HTTP service and the bulk import need from where the records live: the embedded engine over a
 * data directory ({@link #of(Matcher)}) or an OpenSearch cluster ({@link #of(ClusterMatcher)}). Advice, the audit and
 * allocation run on the embedded engine only; {@link #engine()} says whether it is there.
 */
public interface RecordStore {

    /** The embedded engine as a store; closing stays with whoever opened {@code matcher}. */
    static RecordStore of(Matcher matcher) {
        return new EmbeddedStore(matcher);
    }

    /** The cluster backend as a store; closing stays with whoever opened {@code cluster}. */
    static RecordStore of(ClusterMatcher cluster) {
        return new ClusterStore(cluster);
    }

    /** The embedded engine, for what only it can do (advice, audit, allocation); empty on a cluster. */
    Optional<Matcher> engine();

    /** The JSON of records and requests, with the store's taxonomy. */
    ExchangeFormat exchangeFormat();

    /** The skill taxonomy the records are checked against. */
    SkillTaxonomy taxonomy();

    /** The places and labour market regions. */
    Regions regions();

    /** What is wrong with this profile for this store (an unknown skill, say); empty when it can be written. */
    List<Problem> validate(Profile profile);

    /** What is wrong with this vacancy for this store; empty when it can be written. */
    List<Problem> validate(Vacancy vacancy);

    /** Writes one profile, replacing the one with its id; visible after {@link #refresh()}. */
    void upsertProfile(Profile profile);

    /** Writes one vacancy, replacing the one with its id; visible after {@link #refresh()}. */
    void upsertVacancy(Vacancy vacancy);

    /** Writes a batch of profiles; the refused ones are listed by their position in {@code batch}. */
    BatchResult upsertProfiles(List<Profile> batch);

    /** Writes a batch of vacancies; the refused ones are listed by their position in {@code batch}. */
    BatchResult upsertVacancies(List<Vacancy> batch);

    /** The profile with this id, as of the last refresh. */
    Optional<Profile> profile(String id);

    /** The vacancy with this id, as of the last refresh. */
    Optional<Vacancy> vacancy(String id);

    /** Deletes the profile with this id; false when there was none. */
    boolean deleteProfile(String id);

    /** Deletes the vacancy with this id; false when there was none. */
    boolean deleteVacancy(String id);

    /** Gives every visible vacancy to {@code sink}, one at a time (memory does not grow with their number). */
    void forEachVacancy(Consumer<Vacancy> sink);

    /** Makes the writes so far visible to reads and matches. */
    void refresh();

    /** Makes the writes so far durable (a cluster does this itself: nothing to do there). */
    void commit();

    /** Removes deleted records from the stored segments, so that nothing of them is left on disk. */
    void purgeDeleted();

    /** How many profiles are visible. */
    long profileCount();

    /** How many vacancies are visible. */
    long vacancyCount();

    /** The best candidates for a stored vacancy; {@code NotFoundException} for an unknown id. */
    MatchPage candidatesFor(String vacancyId, MatchRequest request);

    /** The best candidates for a vacancy that need not be stored. */
    MatchPage candidatesFor(Vacancy vacancy, MatchRequest request);

    /** The best vacancies for a stored profile; {@code NotFoundException} for an unknown id. */
    MatchPage vacanciesFor(String profileId, MatchRequest request);

    /** The best vacancies for a profile that need not be stored. */
    MatchPage vacanciesFor(Profile profile, MatchRequest request);
}
