package nl.werkmatch.matcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import nl.werkmatch.matcher.allocation.Allocation;
import nl.werkmatch.matcher.allocation.AllocationRequest;
import nl.werkmatch.matcher.allocation.Allocator;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.internal.FairRanking;
import nl.werkmatch.matcher.audit.internal.InclusionAudit;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.index.Engine;
import nl.werkmatch.matcher.index.EngineConfig;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.Explanation;
import nl.werkmatch.matcher.scoring.PairScorer;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * Matches job seekers and vacancies on skills, Dutch level and place, in both directions, with an explanation
 * per match. The entry point of the library.
 *
 * <pre>{@code
 * try (Matcher matcher = Matcher.inMemory()) {
 *     matcher.upsertProfile(profile);
 *     matcher.upsertVacancy(vacancy);
 *     matcher.refresh();
 *     MatchPage best = matcher.candidatesFor(vacancy.id(), MatchRequest.builder().k(10).explain(true).build());
 * }
 * }</pre>
 *
 * <p>Writes become visible after {@link #refresh()} (and within the refresh interval by themselves), durable after
 * {@link #commit()}; {@link #close()} commits. Thread-safe: any number of queries may run while writes go on.
 */
public final class Matcher implements AutoCloseable {
    private final Engine engine;

    private Matcher(Engine engine) {
        this.engine = engine;
    }

    /** An in-memory matcher on the bundled sample taxonomy and the Dutch regions. */
    public static Matcher inMemory() {
        return builder().build();
    }

    /** A durable matcher on the bundled sample taxonomy, stored in {@code directory}. */
    public static Matcher open(Path directory) {
        return builder().directory(directory).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- writes

    /** Validates and writes a profile, replacing one with the same id. Throws {@link InvalidInputException}. */
    public void upsertProfile(Profile profile) {
        engine.upsertProfile(profile);
    }

    public void upsertVacancy(Vacancy vacancy) {
        engine.upsertVacancy(vacancy);
    }

    /** Writes every valid profile of the batch and reports the others with their problems. */
    public BatchResult upsertProfiles(List<Profile> profiles) {
        return engine.upsertProfiles(profiles);
    }

    public BatchResult upsertVacancies(List<Vacancy> vacancies) {
        return engine.upsertVacancies(vacancies);
    }

    /** Every problem of a profile with its path; empty when it can be written. */
    public List<Problem> validate(Profile profile) {
        return engine.validate(profile);
    }

    public List<Problem> validate(Vacancy vacancy) {
        return engine.validate(vacancy);
    }

    /** Deletes a profile; after the next refresh it is never returned again. Returns whether it was visible. */
    public boolean deleteProfile(String id) {
        return engine.deleteProfile(id);
    }

    public boolean deleteVacancy(String id) {
        return engine.deleteVacancy(id);
    }

    /** Deletes a batch of profiles; returns how many of them were visible. */
    public int deleteProfiles(Collection<String> ids) {
        return engine.deleteProfiles(ids);
    }

    public int deleteVacancies(Collection<String> ids) {
        return engine.deleteVacancies(ids);
    }

    /** Makes every write so far visible to reads and matches. */
    public void refresh() {
        engine.refresh();
    }

    /** Makes every write so far durable: it survives a crash of the process. */
    public void commit() {
        engine.commit();
    }

    /**
     * Removes deleted documents from disk (not only from results), then commits: personal data must be
     * erasable. Costs a rewrite of the affected segments.
     */
    public void purgeDeleted() {
        engine.purgeDeleted();
    }

    // ---- reads

    public Optional<Profile> profile(String id) {
        return engine.profile(id);
    }

    public Optional<Vacancy> vacancy(String id) {
        return engine.vacancy(id);
    }

    /**
     * Calls {@code sink} with every visible profile (as of the last refresh), read from one snapshot of the
     * index, so that a walk over a whole population (an audit, an allocation) sees a consistent state.
     */
    public void forEachProfile(Consumer<Profile> sink) {
        engine.forEachProfile(Objects.requireNonNull(sink, "sink"));
    }

    /** Calls {@code sink} with every visible vacancy (as of the last refresh), read from one snapshot. */
    public void forEachVacancy(Consumer<Vacancy> sink) {
        engine.forEachVacancy(Objects.requireNonNull(sink, "sink"));
    }

    public int profileCount() {
        return engine.profileCount();
    }

    public int vacancyCount() {
        return engine.vacancyCount();
    }

    /**
     * The best candidates for a stored vacancy, under the request's fairness constraint if it has one. Throws
     * {@link NotFoundException} for an unknown id.
     */
    public MatchPage candidatesFor(String vacancyId, MatchRequest request) {
        return request.fairness() == null ? engine.candidatesFor(vacancyId, request)
                : FairRanking.page(request, plain -> engine.candidatesFor(vacancyId, plain), this::profile);
    }

    /** The best candidates for a vacancy that need not be stored, under the request's fairness constraint if any. */
    public MatchPage candidatesFor(Vacancy vacancy, MatchRequest request) {
        return request.fairness() == null ? engine.candidatesFor(vacancy, request)
                : FairRanking.page(request, plain -> engine.candidatesFor(vacancy, plain), this::profile);
    }

    /** The best vacancies for a stored profile. Throws {@link NotFoundException} for an unknown id. */
    public MatchPage vacanciesFor(String profileId, MatchRequest request) {
        return engine.vacanciesFor(profileId, noFairness(request));
    }

    /** The best vacancies for a profile that need not be stored. */
    public MatchPage vacanciesFor(Profile profile, MatchRequest request) {
        return engine.vacanciesFor(profile, noFairness(request));
    }

    private static MatchRequest noFairness(MatchRequest request) {
        if (request.fairness() != null) {
            throw new InvalidInputException("fairness", "a fairness constraint applies to candidate pages only");
        }
        return request;
    }

    /**
     * The inclusion audit: every open vacancy's top-k candidates, exactly as {@link #candidatesFor} ranks them, and
     * from those lists who is never recommended and why, exposure by group, congestion and the vacancies no one
     * fits. Only reads; runs on {@link AuditRequest#threads()} threads.
     */
    public AuditReport audit(AuditRequest request) {
        return InclusionAudit.run(this, Objects.requireNonNull(request, "request"));
    }

    /**
     * Shares out the positions of the vacancies in scope: per vacancy a shortlist that maximises the total score
     * under the request's capacities, with the plain rankings' metrics beside it. Throws
     * {@link InvalidInputException} for an unknown region, municipality or vacancy, or a scope with no open vacancy.
     */
    public Allocation allocate(AllocationRequest request) {
        return Allocator.allocate(this, request, engine.today());
    }

    /** Why a stored profile and a stored vacancy score what they do, with the matcher's weights. */
    public Explanation explain(String profileId, String vacancyId) {
        return engine.explain(profileId, vacancyId, null);
    }

    public SkillTaxonomy taxonomy() {
        return engine.config().taxonomy();
    }

    public Regions regions() {
        return engine.config().regions();
    }

    public ScoringWeights weights() {
        return engine.config().weights();
    }

    /** The exact scorer this matcher ranks by, for callers that score pairs themselves. */
    public PairScorer scorer() {
        return engine.scorer();
    }

    /** The exchange format bound to this matcher's regions (unknown places are reported). */
    public ExchangeFormat exchangeFormat() {
        return engine.format();
    }

    /** Commits and closes. */
    @Override
    public void close() {
        engine.close();
    }

    /** Configures a matcher; every setting has a sensible default. */
    public static final class Builder {
        private SkillTaxonomy taxonomy;
        private Regions regions;
        private SkillSimilarity.Config similarity = SkillSimilarity.Config.DEFAULT;
        private EvidenceWeights evidence = EvidenceWeights.DEFAULT;
        private ScoringWeights weights = ScoringWeights.DEFAULT;
        private Path directory;
        private TaxonomyMismatch onMismatch = TaxonomyMismatch.FAIL;
        private Consumer<String> progress = message -> { };
        private Duration refreshInterval = Duration.ofSeconds(1);
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /** The skill taxonomy; default the bundled sample. */
        public Builder taxonomy(SkillTaxonomy value) { this.taxonomy = Objects.requireNonNull(value); return this; }
        /** The geography; default {@link Regions#netherlands()}. */
        public Builder regions(Regions value) { this.regions = Objects.requireNonNull(value); return this; }
        public Builder similarity(SkillSimilarity.Config value) { this.similarity = Objects.requireNonNull(value); return this; }
        public Builder evidence(EvidenceWeights value) { this.evidence = Objects.requireNonNull(value); return this; }
        public Builder weights(ScoringWeights value) { this.weights = Objects.requireNonNull(value); return this; }
        /** Component weights, similarity credits and evidence weights at once, e.g. from a weights file. */
        public Builder ranking(RankingSettings value) {
            Objects.requireNonNull(value);
            return weights(value.weights()).similarity(value.similarity()).evidence(value.evidence());
        }
        /** A data directory makes the matcher durable; without one it lives in memory. */
        public Builder directory(Path value) { this.directory = value; return this; }
        /** What to do when the directory was indexed with another taxonomy; default FAIL. */
        public Builder onTaxonomyMismatch(TaxonomyMismatch value) { this.onMismatch = Objects.requireNonNull(value); return this; }
        /** Receives progress lines of long work (index rebuilds). */
        public Builder progress(Consumer<String> value) { this.progress = Objects.requireNonNull(value); return this; }
        /** How soon writes become visible by themselves; default one second. */
        public Builder refreshInterval(Duration value) { this.refreshInterval = Objects.requireNonNull(value); return this; }
        /** The clock that says which vacancies are still open; default the system clock. */
        public Builder clock(Clock value) { this.clock = Objects.requireNonNull(value); return this; }

        public Matcher build() {
            SkillTaxonomy t = taxonomy != null ? taxonomy : TaxonomyJson.sample();
            Regions r = regions != null ? regions : Regions.netherlands();
            SkillSimilarity sim = SkillSimilarity.of(t, similarity);
            return new Matcher(Engine.open(new EngineConfig(t, r, sim, evidence, weights, directory, onMismatch,
                    progress, refreshInterval, clock)));
        }
    }
}
