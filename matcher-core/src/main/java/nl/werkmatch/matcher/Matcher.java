package nl.werkmatch.matcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.google.common.base.Suppliers;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.allocation.Allocation;
import nl.werkmatch.matcher.allocation.AllocationRequest;
import nl.werkmatch.matcher.allocation.Allocator;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.internal.FairRanking;
import nl.werkmatch.matcher.audit.internal.InclusionAudit;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.index.BatchWriter;
import nl.werkmatch.matcher.index.Engine;
import nl.werkmatch.matcher.index.EngineConfig;
import nl.werkmatch.matcher.index.Reads;
import nl.werkmatch.matcher.index.Storage;
import nl.werkmatch.matcher.index.TopKSearch;
import nl.werkmatch.matcher.index.Validation;
import nl.werkmatch.matcher.internal.ProfileAdvisor;
import nl.werkmatch.matcher.internal.VacancyAdvisor;
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
    private final EngineConfig config;
    private final Storage storage;
    private final Validation validation;
    private final BatchWriter writer;
    private final Reads reads;
    private final TopKSearch search;
    private final ExchangeFormat format;
    /** Made on first use: it keeps its own caches of the same definition the engine ranks by. */
    private final Supplier<PairScorer> scorer;

    private Matcher(EngineConfig config) {
        Engine engine = Engine.open(config);
        this.config = config;
        this.storage = engine.storage();
        this.validation = engine.validation();
        this.writer = engine.writer();
        this.reads = engine.reads();
        this.search = engine.search();
        this.format = engine.format();
        this.scorer = Suppliers.memoize(() -> new PairScorer(config.taxonomy(), config.similarity(), config.evidence(),
                config.regions()));
    }

    /** An in-memory matcher on the bundled sample taxonomy and the Dutch regions. */
    public static Matcher inMemory() {
        return builder().build();
    }

    /** A durable matcher on the bundled sample taxonomy, stored in {@code directory}. */
    public static Matcher open(Path directory) {
        return builder().directory(directory).build();
    }

    /** A builder with every setting at its default: sample taxonomy, Dutch regions, in memory. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a data directory holds (taxonomy, fingerprint, committed counts), read without opening it for writing, so
     * it works while another matcher has it open; empty when the directory holds no Werkmatch index.
     */
    public static Optional<DataDirectoryInfo> inspect(Path directory) {
        return Storage.inspect(required(directory, "directory"));
    }

    // ---- writes

    /**
     * Validates and writes a profile, replacing one with the same id.
     *
     * @throws InvalidInputException listing every problem with its path; nothing is written
     */
    public void upsertProfile(Profile profile) {
        writer.upsert(required(profile, "profile"));
    }

    /**
     * Validates and writes a vacancy, replacing one with the same id.
     *
     * @throws InvalidInputException listing every problem with its path; nothing is written
     */
    public void upsertVacancy(Vacancy vacancy) {
        writer.upsert(required(vacancy, "vacancy"));
    }

    /** Writes every valid profile of the batch and reports the others with their problems; on every core. */
    public BatchResult upsertProfiles(List<Profile> profiles) {
        return writer.upsertProfiles(elements(profiles, "profiles"));
    }

    /** Writes every valid vacancy of the batch and reports the others with their problems; on every core. */
    public BatchResult upsertVacancies(List<Vacancy> vacancies) {
        return writer.upsertVacancies(elements(vacancies, "vacancies"));
    }

    /** Every problem of a profile with its path; empty when it can be written. */
    public List<Problem> validate(Profile profile) {
        return validation.problems(required(profile, "profile"));
    }

    /** Every problem of a vacancy with its path; empty when it can be written. */
    public List<Problem> validate(Vacancy vacancy) {
        return validation.problems(required(vacancy, "vacancy"));
    }

    /**
     * Deletes a profile; after the next refresh it is never returned again. Returns whether a profile with this id
     * was removed, counting writes not yet visible.
     */
    public boolean deleteProfile(String id) {
        return writer.deleteProfile(required(id, "id"));
    }

    /** Deletes a vacancy; returns whether a vacancy with this id was removed. See {@link #deleteProfile}. */
    public boolean deleteVacancy(String id) {
        return writer.deleteVacancy(required(id, "id"));
    }

    /** Deletes a batch of profiles; returns how many of them were removed. */
    public int deleteProfiles(Collection<String> ids) {
        return writer.deleteProfiles(elements(ids, "ids"));
    }

    /** Deletes a batch of vacancies; returns how many of them were removed. */
    public int deleteVacancies(Collection<String> ids) {
        return writer.deleteVacancies(elements(ids, "ids"));
    }

    /** Makes every write so far visible to reads and matches. */
    public void refresh() {
        storage.refresh();
    }

    /** Makes every write so far durable: it survives a crash of the process. */
    public void commit() {
        storage.commit();
    }

    /**
     * Removes deleted documents from disk (not only from results), then commits: personal data must be
     * erasable. Costs a rewrite of the affected segments.
     */
    public void purgeDeleted() {
        storage.purgeDeleted();
    }

    /**
     * Starts a bulk load: until the returned handle is closed, the indexes hold back their large merges, so that
     * records written in bulk land once in a few large segments instead of being rewritten merge after merge (at a
     * million ESCO profiles those merges took a quarter of an import's CPU), and a background task writes full
     * buffers to disk, so that the threads writing a batch never wait for one (an index may then buffer up to
     * 128 MB instead of 64 before its writer flushes by itself). Writes, reads and commits work as always meanwhile; {@link #compact()} inside the load writes everything into one segment in one pass, which
     * is the cheapest way to load a directory that will be read mostly. Loads may overlap; the merges start when
     * the last one closes, or when the matcher closes.
     *
     * <pre>{@code
     * try (BulkLoad load = matcher.bulkLoad()) {
     *     matcher.upsertProfiles(batch);   // as many batches as there are
     *     matcher.commit();
     *     matcher.compact();
     * }
     * }</pre>
     */
    public BulkLoad bulkLoad() {
        storage.beginBulkLoad();
        return new BulkLoad(storage::endBulkLoad);
    }

    /**
     * Rewrites each index into a single segment, then commits: the fastest layout to read (a query pays a setup per
     * segment, and a million profiles otherwise sit in about a dozen), for a directory just loaded in bulk and read
     * mostly from then on. Costs about one more write of everything (some 15 seconds for a million ESCO profiles on
     * two cores); reads, matches and writes go on meanwhile (writes land in new segments, which the merge policy
     * keeps few).
     */
    public void compact() {
        storage.compact();
    }

    // ---- reads

    /** The profile with this id, as of the last refresh. */
    public Optional<Profile> profile(String id) {
        return reads.profile(required(id, "id"));
    }

    /** The vacancy with this id, as of the last refresh. */
    public Optional<Vacancy> vacancy(String id) {
        return reads.vacancy(required(id, "id"));
    }

    /**
     * Calls {@code sink} with every visible profile (as of the last refresh), read from one snapshot of the
     * index, so that a walk over a whole population (an audit, an allocation) sees a consistent state.
     */
    public void forEachProfile(Consumer<Profile> sink) {
        reads.forEachProfile(required(sink, "sink"));
    }

    /** Calls {@code sink} with every visible vacancy (as of the last refresh), read from one snapshot. */
    public void forEachVacancy(Consumer<Vacancy> sink) {
        reads.forEachVacancy(required(sink, "sink"));
    }

    /** How many profiles are visible. */
    public int profileCount() {
        return reads.profileCount();
    }

    /** How many vacancies are visible. */
    public int vacancyCount() {
        return reads.vacancyCount();
    }

    // ---- matches

    /**
     * The best candidates for a stored vacancy, under the request's fairness constraint if it has one. Throws
     * {@link NotFoundException} for an unknown id.
     */
    public MatchPage candidatesFor(String vacancyId, MatchRequest request) {
        required(vacancyId, "vacancyId");
        required(request, "request");
        return request.fairness() == null ? search.candidatesFor(vacancyId, request)
                : FairRanking.page(request, plain -> search.candidatesFor(vacancyId, plain), this::profile);
    }

    /**
     * The best candidates for a vacancy that need not be stored (it is validated first), under the request's
     * fairness constraint if it has one.
     */
    public MatchPage candidatesFor(Vacancy vacancy, MatchRequest request) {
        required(vacancy, "vacancy");
        required(request, "request");
        return request.fairness() == null ? search.candidatesFor(vacancy, request)
                : FairRanking.page(request, plain -> search.candidatesFor(vacancy, plain), this::profile);
    }

    /** The best vacancies for a stored profile. Throws {@link NotFoundException} for an unknown id. */
    public MatchPage vacanciesFor(String profileId, MatchRequest request) {
        return search.vacanciesFor(required(profileId, "profileId"), noFairness(required(request, "request")));
    }

    /** The best vacancies for a profile that need not be stored; it is validated first. */
    public MatchPage vacanciesFor(Profile profile, MatchRequest request) {
        return search.vacanciesFor(required(profile, "profile"), noFairness(required(request, "request")));
    }

    private static MatchRequest noFairness(MatchRequest request) {
        if (request.fairness() != null) {
            throw new InvalidInputException("fairness", "a fairness constraint applies to candidate pages only");
        }
        return request;
    }

    // ---- population-wide work

    /**
     * The inclusion audit: every open vacancy's top-k candidates, exactly as {@link #candidatesFor} ranks them, and
     * from those lists who is never recommended and why, exposure by group, congestion and the vacancies no one
     * fits. Only reads; runs on {@link AuditRequest#threads()} threads.
     */
    public AuditReport audit(AuditRequest request) {
        return InclusionAudit.run(this, required(request, "request"), search::eligibleCandidates);
    }

    /**
     * Shares out the positions of the vacancies in scope: per vacancy a shortlist that maximises the total score
     * under the request's capacities, with the plain rankings' metrics beside it. Throws
     * {@link InvalidInputException} for an unknown region, municipality or vacancy, or a scope with no open vacancy.
     */
    public Allocation allocate(AllocationRequest request) {
        return Allocator.allocate(this, required(request, "request"), search.today());
    }

    /** Why a stored profile and a stored vacancy score what they do, with the matcher's weights. */
    public Explanation explain(String profileId, String vacancyId) {
        return search.explain(required(profileId, "profileId"), required(vacancyId, "vacancyId"), config.weights());
    }

    // ---- advice

    /**
     * What a stored job seeker could learn or change to reach more open vacancies, each change with its exact
     * effect, and with {@link AdviceRequest#occupation()} the career step towards that occupation. Throws
     * {@link NotFoundException} for an unknown id, {@link InvalidInputException} for a language the taxonomy has no
     * labels in or an unknown occupation.
     */
    public Advice adviseProfile(String profileId, AdviceRequest request) {
        Profile p = profile(required(profileId, "profileId"))
                .orElseThrow(() -> new NotFoundException("no profile with id \"" + profileId + "\""));
        return advisor(required(request, "request")).advise(p, request);
    }

    /** Advice for a profile that need not be stored; it is validated first. See {@link #adviseProfile(String, AdviceRequest)}. */
    public Advice adviseProfile(Profile profile, AdviceRequest request) {
        validation.requireValid(required(profile, "profile"));
        return advisor(required(request, "request")).advise(profile, request);
    }

    /**
     * What an employer could relax in a stored vacancy (a Dutch level, language support, English, an essential
     * skill, the education level, a work permit, hours) to reach more candidates, each change with its exact effect.
     * Throws {@link NotFoundException} for an unknown id, {@link InvalidInputException} when the request names an
     * occupation (a career step is advice for a job seeker).
     */
    public Advice adviseVacancy(String vacancyId, AdviceRequest request) {
        Vacancy v = vacancy(required(vacancyId, "vacancyId"))
                .orElseThrow(() -> new NotFoundException("no vacancy with id \"" + vacancyId + "\""));
        return vacancyAdvisor(required(request, "request")).advise(v, request);
    }

    /** Advice for a vacancy that need not be stored; it is validated first. See {@link #adviseVacancy(String, AdviceRequest)}. */
    public Advice adviseVacancy(Vacancy vacancy, AdviceRequest request) {
        validation.requireValid(required(vacancy, "vacancy"));
        return vacancyAdvisor(required(request, "request")).advise(vacancy, request);
    }

    private VacancyAdvisor vacancyAdvisor(AdviceRequest request) {
        requireLanguage(request);
        if (request.occupation() != null) {
            throw new InvalidInputException("occupation", "a career step is advice for a job seeker, not for a vacancy");
        }
        return new VacancyAdvisor(config.taxonomy(), search.adviceReach(MatchRequest.DEFAULT), format::toJson);
    }

    private void requireLanguage(AdviceRequest request) {
        if (request.language() != null && !config.taxonomy().languages().contains(request.language())) {
            throw new InvalidInputException("lang", "the taxonomy has no labels in \"" + request.language()
                    + "\"; it has " + String.join(", ", new java.util.TreeSet<>(config.taxonomy().languages())));
        }
        if (request.occupation() != null && config.taxonomy().occupationIndexOf(request.occupation()) < 0) {
            throw new InvalidInputException("occupation", "unknown occupation \"" + request.occupation() + "\"");
        }
    }

    private ProfileAdvisor advisor(AdviceRequest request) {
        requireLanguage(request);
        return new ProfileAdvisor(config.taxonomy(), search.adviceReach(MatchRequest.DEFAULT), format::toJson);
    }

    /** The engine's search, for tests in this package that check its primitives against a brute-force scan. */
    TopKSearch engineSearch() {
        return search;
    }

    // ---- settings

    /** The skill taxonomy records are checked against. */
    public SkillTaxonomy taxonomy() {
        return config.taxonomy();
    }

    /** The geography places are resolved in. */
    public Regions regions() {
        return config.regions();
    }

    /** The weights a request without its own is scored with. */
    public ScoringWeights weights() {
        return config.weights();
    }

    /** The skill floor a request without its own applies: the least skills component of a match. */
    public double minSkillFit() {
        return config.minSkillFit();
    }

    /** The exact score this matcher ranks by, for callers that score or explain pairs themselves. */
    public PairScorer scorer() {
        return scorer.get();
    }

    /** The exchange format bound to this matcher's regions (unknown places are reported). */
    public ExchangeFormat exchangeFormat() {
        return format;
    }

    /** Commits and closes; every part is closed even when one fails. A closed matcher refuses every call. */
    @Override
    public void close() {
        storage.close();
    }

    /** A null argument is an invalid input like any other, named by its parameter. */
    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new InvalidInputException(name, "missing (null)");
        }
        return value;
    }

    private static <C extends Collection<?>> C elements(C values, String name) {
        required(values, name);
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                throw new InvalidInputException(name + "[" + i + "]", "missing (null)");
            }
            i++;
        }
        return values;
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
        private ScheduledExecutorService executor;
        private double minSkillFit = MatchRequest.DEFAULT_MIN_SKILL_FIT;

        private Builder() {
        }

        /** The skill taxonomy; default the bundled sample. */
        public Builder taxonomy(SkillTaxonomy value) { this.taxonomy = required(value, "taxonomy"); return this; }
        /** The geography; default {@link Regions#netherlands()}. */
        public Builder regions(Regions value) { this.regions = required(value, "regions"); return this; }
        /** How similar skills earn credit for each other; default {@link SkillSimilarity.Config#DEFAULT}. */
        public Builder similarity(SkillSimilarity.Config value) { this.similarity = required(value, "similarity"); return this; }
        /** How much each kind of evidence and each year of experience counts; default {@link EvidenceWeights#DEFAULT}. */
        public Builder evidence(EvidenceWeights value) { this.evidence = required(value, "evidence"); return this; }
        /** The weights of the score's components, for requests without their own; default {@link ScoringWeights#DEFAULT}. */
        public Builder weights(ScoringWeights value) { this.weights = required(value, "weights"); return this; }
        /** Component weights, similarity credits and evidence weights at once, e.g. from a weights file. */
        public Builder ranking(RankingSettings value) {
            required(value, "ranking");
            return weights(value.weights()).similarity(value.similarity()).evidence(value.evidence());
        }
        /** A data directory makes the matcher durable; without one it lives in memory. */
        public Builder directory(Path value) { this.directory = value; return this; }
        /** What to do when the directory was indexed with another taxonomy; default FAIL. */
        public Builder onTaxonomyMismatch(TaxonomyMismatch value) { this.onMismatch = required(value, "onTaxonomyMismatch"); return this; }
        /** Receives progress lines of long work (index rebuilds). */
        public Builder progress(Consumer<String> value) { this.progress = required(value, "progress"); return this; }
        /** How soon writes become visible by themselves; default one second. */
        public Builder refreshInterval(Duration value) { this.refreshInterval = required(value, "refreshInterval"); return this; }
        /** The clock that says which vacancies are still open; default the system clock. */
        public Builder clock(Clock value) { this.clock = required(value, "clock"); return this; }
        /**
         * Runs the background refresh and the helpers of large batches on the embedder's executor instead of the
         * matcher's own daemon threads; the matcher never shuts it down.
         */
        public Builder executor(ScheduledExecutorService value) { this.executor = required(value, "executor"); return this; }
        /**
         * The skill floor of requests that set none: a match needs a skills component of at least this, 0..1 (0: no
         * floor); default {@link MatchRequest#DEFAULT_MIN_SKILL_FIT}. Throws InvalidInputException out of range.
         */
        public Builder minSkillFit(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new InvalidInputException("minSkillFit", "must be between 0 and 1, got " + value);
            }
            this.minSkillFit = value;
            return this;
        }

        /**
         * Opens the matcher.
         *
         * @throws TaxonomyMismatchException     when the directory was made with other settings and may not be rebuilt
         * @throws DataDirectoryLockedException  when another matcher has the directory open
         */
        public Matcher build() {
            SkillTaxonomy t = taxonomy != null ? taxonomy : TaxonomyJson.sample();
            Regions r = regions != null ? regions : Regions.netherlands();
            SkillSimilarity sim = SkillSimilarity.of(t, similarity);
            return new Matcher(new EngineConfig(t, r, sim, evidence, weights, directory, onMismatch, progress,
                    refreshInterval, clock, executor, minSkillFit));
        }
    }
}
