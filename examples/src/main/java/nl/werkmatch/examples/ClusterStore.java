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

/** An OpenSearch cluster as a {@link RecordStore}: every call goes to the {@link ClusterMatcher}; no embedded engine. */
record ClusterStore(ClusterMatcher cluster) implements RecordStore {
    @Override public Optional<Matcher> engine() { return Optional.empty(); }
    @Override public ExchangeFormat exchangeFormat() { return cluster.exchangeFormat(); }
    @Override public SkillTaxonomy taxonomy() { return cluster.taxonomy(); }
    @Override public Regions regions() { return cluster.regions(); }
    @Override public List<Problem> validate(Profile profile) { return cluster.validate(profile); }
    @Override public List<Problem> validate(Vacancy vacancy) { return cluster.validate(vacancy); }
    @Override public void upsertProfile(Profile profile) { cluster.upsertProfile(profile); }
    @Override public void upsertVacancy(Vacancy vacancy) { cluster.upsertVacancy(vacancy); }
    @Override public BatchResult upsertProfiles(List<Profile> batch) { return cluster.upsertProfiles(batch); }
    @Override public BatchResult upsertVacancies(List<Vacancy> batch) { return cluster.upsertVacancies(batch); }
    @Override public Optional<Profile> profile(String id) { return cluster.profile(id); }
    @Override public Optional<Vacancy> vacancy(String id) { return cluster.vacancy(id); }
    @Override public boolean deleteProfile(String id) { return cluster.deleteProfile(id); }
    @Override public boolean deleteVacancy(String id) { return cluster.deleteVacancy(id); }
    @Override public void forEachVacancy(Consumer<Vacancy> sink) { cluster.forEachVacancy(sink); }
    @Override public void refresh() { cluster.refresh(); }
    // OpenSearch makes each write durable in its translog before it answers: nothing to commit.
    @Override public void commit() { }
    @Override public void purgeDeleted() { cluster.purgeDeleted(); }
    @Override public long profileCount() { return cluster.profileCount(); }
    @Override public long vacancyCount() { return cluster.vacancyCount(); }
    @Override public MatchPage candidatesFor(String vacancyId, MatchRequest request) { return cluster.candidatesFor(vacancyId, request); }
    @Override public MatchPage candidatesFor(Vacancy vacancy, MatchRequest request) { return cluster.candidatesFor(vacancy, request); }
    @Override public MatchPage vacanciesFor(String profileId, MatchRequest request) { return cluster.vacanciesFor(profileId, request); }
    @Override public MatchPage vacanciesFor(Profile profile, MatchRequest request) { return cluster.vacanciesFor(profile, request); }
}
