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

/** The embedded engine as a {@link RecordStore}: every call goes straight to the {@link Matcher}. */
record EmbeddedStore(Matcher matcher) implements RecordStore {
    @Override public Optional<Matcher> engine() { return Optional.of(matcher); }
    @Override public ExchangeFormat exchangeFormat() { return matcher.exchangeFormat(); }
    @Override public SkillTaxonomy taxonomy() { return matcher.taxonomy(); }
    @Override public Regions regions() { return matcher.regions(); }
    @Override public List<Problem> validate(Profile profile) { return matcher.validate(profile); }
    @Override public List<Problem> validate(Vacancy vacancy) { return matcher.validate(vacancy); }
    @Override public void upsertProfile(Profile profile) { matcher.upsertProfile(profile); }
    @Override public void upsertVacancy(Vacancy vacancy) { matcher.upsertVacancy(vacancy); }
    @Override public BatchResult upsertProfiles(List<Profile> batch) { return matcher.upsertProfiles(batch); }
    @Override public BatchResult upsertVacancies(List<Vacancy> batch) { return matcher.upsertVacancies(batch); }
    @Override public Optional<Profile> profile(String id) { return matcher.profile(id); }
    @Override public Optional<Vacancy> vacancy(String id) { return matcher.vacancy(id); }
    @Override public boolean deleteProfile(String id) { return matcher.deleteProfile(id); }
    @Override public boolean deleteVacancy(String id) { return matcher.deleteVacancy(id); }
    @Override public void forEachVacancy(Consumer<Vacancy> sink) { matcher.forEachVacancy(sink); }
    @Override public void refresh() { matcher.refresh(); }
    @Override public void commit() { matcher.commit(); }
    @Override public void purgeDeleted() { matcher.purgeDeleted(); }
    @Override public long profileCount() { return matcher.profileCount(); }
    @Override public long vacancyCount() { return matcher.vacancyCount(); }
    @Override public MatchPage candidatesFor(String vacancyId, MatchRequest request) { return matcher.candidatesFor(vacancyId, request); }
    @Override public MatchPage candidatesFor(Vacancy vacancy, MatchRequest request) { return matcher.candidatesFor(vacancy, request); }
    @Override public MatchPage vacanciesFor(String profileId, MatchRequest request) { return matcher.vacanciesFor(profileId, request); }
    @Override public MatchPage vacanciesFor(Profile profile, MatchRequest request) { return matcher.vacanciesFor(profile, request); }
}
