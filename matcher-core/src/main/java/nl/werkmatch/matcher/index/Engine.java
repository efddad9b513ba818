package nl.werkmatch.matcher.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import com.google.common.hash.Hashing;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.NotFoundException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.TaxonomyMismatchException;
import nl.werkmatch.matcher.WerkmatchException;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.json.LocationCheck;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.CompactForm;
import nl.werkmatch.matcher.scoring.Explanation;
import nl.werkmatch.matcher.scoring.PairScorer;
import nl.werkmatch.matcher.scoring.PreparedProfile;
import nl.werkmatch.matcher.scoring.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * The matching engine behind {@code Matcher}: two Lucene indexes (profiles, vacancies), validation against the
 * taxonomy and regions, query compilation, and exact top-k by rescoring Lucene's best hits with
 * {@link PairScorer} until no unseen document can still enter the top k.
 */
public final class Engine implements Closeable {
    /** Version of the document encoding; a change forces a rebuild. */
    static final String FORMAT_VERSION = "3";
    static final String KEY_FORMAT = "werkmatch.format";
    static final String KEY_FINGERPRINT = "werkmatch.fingerprint";
    static final String KEY_TAXONOMY = "werkmatch.taxonomy";

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    /** Documents whose scores differ by less than this may swap places at the edge of a page. */
    static final double TIE_TOLERANCE = 1e-4;

    private final EngineConfig config;
    private final PairScorer scorer;
    private final CompactForm compact;
    private final ExchangeFormat format;
    private final String fingerprint;
    private final Map<String, String> commitData;
    private final IndexSide profiles;
    private final IndexSide vacancies;
    private final ScheduledExecutorService refresher;
    private final Indexers indexers = new Indexers(Runtime.getRuntime().availableProcessors());
    private volatile boolean closed;

    private Engine(EngineConfig config) throws IOException {
        this.config = config;
        this.scorer = new PairScorer(config.taxonomy(), config.similarity(), config.evidence(), config.regions());
        this.compact = new CompactForm(scorer);
        this.format = ExchangeFormat.create(new LocationCheck() {
            @Override
            public boolean municipalityExists(String code) {
                return config.regions().municipality(code).isPresent();
            }

            @Override
            public boolean postcodeExists(String pc4) {
                return config.regions().postcode(pc4).isPresent();
            }
        });
        this.fingerprint = Hashing.sha256().hashString(FORMAT_VERSION + "|" + config.taxonomy().fingerprint() + "|"
                + config.evidence().fingerprint() + "|" + config.similarity().config(), StandardCharsets.UTF_8).toString();
        this.commitData = Map.of(KEY_FORMAT, FORMAT_VERSION, KEY_FINGERPRINT, fingerprint, KEY_TAXONOMY,
                config.taxonomy().id() + " v" + config.taxonomy().version());
        IndexSide p = null;
        IndexSide v = null;
        try {
            p = openSide("profiles", true);
            v = openSide("vacancies", false);
        } catch (IOException | RuntimeException e) {
            if (p != null) {
                p.close();
            }
            throw e;
        }
        this.profiles = p;
        this.vacancies = v;
        long ms = Math.max(10, config.refreshInterval().toMillis());
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "werkmatch-refresher");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::backgroundRefresh, ms, ms, TimeUnit.MILLISECONDS);
    }

    public static Engine open(EngineConfig config) {
        try {
            return new Engine(config);
        } catch (IOException e) {
            throw new WerkmatchException("cannot open the data directory " + config.directory() + ": " + e.getMessage(), e);
        }
    }

    // ---- opening, rebuilding

    private IndexSide openSide(String name, boolean isProfiles) throws IOException {
        Directory dir;
        if (config.directory() == null) {
            dir = new ByteBuffersDirectory();
        } else {
            Path path = config.directory().resolve(name);
            Files.createDirectories(path);
            dir = FSDirectory.open(path);
        }
        try {
            Map<String, String> stored = IndexSide.committedData(dir);
            if (stored == null) {
                IndexSide side = new IndexSide(dir, true, commitData);
                side.commit(commitData);   // a new directory records its taxonomy at once
                return side;
            }
            if (fingerprint.equals(stored.get(KEY_FINGERPRINT))) {
                return new IndexSide(dir, false, commitData);
            }
            String held = stored.getOrDefault(KEY_TAXONOMY, "an unknown taxonomy");
            if (config.onMismatch() == TaxonomyMismatch.FAIL) {
                throw new TaxonomyMismatchException("the data directory " + config.directory() + " was indexed with taxonomy "
                        + held + " (or other scoring settings); this matcher uses " + config.taxonomy().id() + " v"
                        + config.taxonomy().version() + ". Use the same taxonomy, or allow a rebuild from the stored documents.");
            }
            return rebuild(name, dir, isProfiles, held);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    private IndexSide rebuild(String name, Directory dir, boolean isProfiles, String held) throws IOException {
        config.progress().accept("Rebuilding " + name + " index (was " + held + ", now " + config.taxonomy().id()
                + " v" + config.taxonomy().version() + ")");
        try (DirectoryReader old = DirectoryReader.open(dir)) {
            int total = old.numDocs();
            IndexSide fresh = new IndexSide(dir, true, commitData);
            long start = System.nanoTime();
            try {
                IndexSide.forEachJson(old, (json, n) -> {
                    try {
                        if (isProfiles) {
                            Profile p = format.readProfile(json);
                            requireValid(validate(p));
                            fresh.upsert(p.id(), profileDocument(p, json));
                        } else {
                            Vacancy v = format.readVacancy(json);
                            requireValid(validate(v));
                            fresh.upsert(v.id(), vacancyDocument(v, json));
                        }
                    } catch (InvalidInputException e) {
                        throw new TaxonomyMismatchException("cannot rebuild the " + name + " index with taxonomy "
                                + config.taxonomy().id() + ": a stored document no longer fits it (" + e.getMessage()
                                + "); nothing was changed");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (n % 10_000 == 0 || n == total) {
                        double secs = (System.nanoTime() - start) / 1e9;
                        config.progress().accept(String.format(java.util.Locale.ROOT, "  %s: %,d of %,d documents (%.0f/s)",
                                name, n, total, n / Math.max(secs, 1e-3)));
                    }
                });
            } catch (RuntimeException e) {
                fresh.rollback();
                throw e;
            }
            fresh.commit(commitData);
            fresh.refresh();
            config.progress().accept("Rebuilt " + name + " index: " + total + " documents");
            return fresh;
        }
    }

    // ---- validation

    /** A document written as stored JSON, with every problem found in it; written only when there are none. */
    private record Checked(String id, String json, List<Problem> problems) {
    }

    private Checked check(Profile p) {
        ExchangeFormat.RoundTrip written = format.roundTrip(p);
        String json = written.json();
        List<Problem> problems = new ArrayList<>(written.problems());
        for (int i = 0; i < p.skills().size(); i++) {
            String id = p.skills().get(i).id();
            if (config.taxonomy().indexOf(id) < 0) {
                problems.add(new Problem("skills[" + i + "].id", "unknown skill \"" + id + "\""));
            }
        }
        for (int i = 0; i < p.experience().size(); i++) {
            String id = p.experience().get(i).occupation();
            if (config.taxonomy().occupationIndexOf(id) < 0) {
                problems.add(new Problem("experience[" + i + "].occupation", "unknown occupation \"" + id + "\""));
            }
        }
        for (int i = 0; i < p.wantedOccupations().size(); i++) {
            String id = p.wantedOccupations().get(i);
            if (config.taxonomy().occupationIndexOf(id) < 0) {
                problems.add(new Problem("wants.occupations[" + i + "]", "unknown occupation \"" + id + "\""));
            }
        }
        return new Checked(p.id(), json, dedupe(problems));
    }

    private Checked check(Vacancy v) {
        ExchangeFormat.RoundTrip written = format.roundTrip(v);
        String json = written.json();
        List<Problem> problems = new ArrayList<>(written.problems());
        for (int i = 0; i < v.skills().size(); i++) {
            String id = v.skills().get(i).id();
            if (config.taxonomy().indexOf(id) < 0) {
                problems.add(new Problem("skills[" + i + "].id", "unknown skill \"" + id + "\""));
            }
        }
        if (v.occupation() != null && config.taxonomy().occupationIndexOf(v.occupation()) < 0) {
            problems.add(new Problem("occupation", "unknown occupation \"" + v.occupation() + "\""));
        }
        return new Checked(v.id(), json, dedupe(problems));
    }

    public List<Problem> validate(Profile p) {
        return check(p).problems();
    }

    public List<Problem> validate(Vacancy v) {
        return check(v).problems();
    }

    private static List<Problem> dedupe(List<Problem> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    private static void requireValid(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    // ---- writes

    public void upsertProfile(Profile p) {
        Checked c = check(p);
        requireValid(c.problems());
        write(() -> profiles.upsert(p.id(), profileDocument(p, c.json())));
    }

    public void upsertVacancy(Vacancy v) {
        Checked c = check(v);
        requireValid(c.problems());
        write(() -> vacancies.upsert(v.id(), vacancyDocument(v, c.json())));
    }

    public BatchResult upsertProfiles(List<Profile> batch) {
        return upsertAll(batch, Profile::id, this::check, this::profileDocument, profiles);
    }

    public BatchResult upsertVacancies(List<Vacancy> batch) {
        return upsertAll(batch, Vacancy::id, this::check, this::vacancyDocument, vacancies);
    }

    private org.apache.lucene.document.Document profileDocument(Profile p, String json) {
        PreparedProfile pp = scorer.prepare(p);
        return Documents.profile(pp, compact.encode(pp), json);
    }

    private org.apache.lucene.document.Document vacancyDocument(Vacancy v, String json) {
        PreparedVacancy pv = scorer.prepare(v);
        return Documents.vacancy(pv, compact.encode(pv), json);
    }

    private interface DocBuilder<T> {
        org.apache.lucene.document.Document build(T item, String json);
    }

    /** Below this many documents a batch is written by the calling thread alone. */
    private static final int PARALLEL_MIN = 64;
    /** A batch is validated, prepared and written this many documents at a time, bounding the memory it holds. */
    private static final int SLICE = 2048;

    /**
     * Validates, prepares and writes a batch, on every core for large batches: validation and preparation are most
     * of the cost and Lucene's writer takes documents from several threads at once. When an id occurs twice in a
     * slice, the documents are prepared in parallel but written in the batch's order, so the last one wins as it
     * would one by one.
     */
    private <T> BatchResult upsertAll(List<T> batch, java.util.function.Function<T, String> idOf,
                                      java.util.function.Function<T, Checked> checker, DocBuilder<T> builder,
                                      IndexSide side) {
        ensureOpen();
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        int written = 0;
        for (int from = 0; from < batch.size(); from += SLICE) {
            int to = Math.min(batch.size(), from + SLICE);
            int n = to - from;
            Checked[] checked = new Checked[n];
            org.apache.lucene.document.Document[] docs = new org.apache.lucene.document.Document[n];
            int base = from;
            int threads = n < PARALLEL_MIN ? 1 : Math.min(indexers.parallelism(), (n + PARALLEL_MIN - 1) / PARALLEL_MIN);
            boolean distinct = threads > 1 && distinctIds(batch, idOf, from, to);
            indexers.run(threads, n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    T item = batch.get(base + i);
                    Checked c = checker.apply(item);
                    checked[i] = c;
                    if (c.problems().isEmpty()) {
                        docs[i] = builder.build(item, c.json());
                        if (distinct || threads == 1) {
                            org.apache.lucene.document.Document d = docs[i];
                            write(() -> side.upsert(c.id(), d));
                        }
                    }
                }
            });
            for (int i = 0; i < n; i++) {
                if (!checked[i].problems().isEmpty()) {
                    rejected.add(new BatchResult.Rejected(base + i, checked[i].id(), checked[i].problems()));
                    continue;
                }
                if (threads > 1 && !distinct) {
                    org.apache.lucene.document.Document d = docs[i];
                    String id = checked[i].id();
                    write(() -> side.upsert(id, d));
                }
                written++;
            }
        }
        return new BatchResult(written, rejected);
    }

    private static <T> boolean distinctIds(List<T> batch, java.util.function.Function<T, String> idOf, int from, int to) {
        Set<String> ids = new HashSet<>();
        for (int i = from; i < to; i++) {
            if (!ids.add(idOf.apply(batch.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Deletes by id; returns whether a visible document had that id. */
    public boolean deleteProfile(String id) {
        boolean existed = profile(id).isPresent();
        write(() -> profiles.delete(id));
        return existed;
    }

    public boolean deleteVacancy(String id) {
        boolean existed = vacancy(id).isPresent();
        write(() -> vacancies.delete(id));
        return existed;
    }

    /** Deletes every id of the batch; returns how many were visible. */
    public int deleteProfiles(java.util.Collection<String> ids) {
        int existed = 0;
        for (String id : ids) {
            existed += deleteProfile(id) ? 1 : 0;
        }
        return existed;
    }

    public int deleteVacancies(java.util.Collection<String> ids) {
        int existed = 0;
        for (String id : ids) {
            existed += deleteVacancy(id) ? 1 : 0;
        }
        return existed;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void write(IoAction action) {
        ensureOpen();
        try {
            action.run();
        } catch (IOException e) {
            throw new WerkmatchException("write failed: " + e.getMessage(), e);
        }
    }

    public void refresh() {
        write(() -> {
            profiles.refresh();
            vacancies.refresh();
        });
    }

    public void commit() {
        write(() -> {
            profiles.commit(commitData);
            vacancies.commit(commitData);
        });
    }

    public void purgeDeleted() {
        write(() -> {
            profiles.purgeDeleted(commitData);
            vacancies.purgeDeleted(commitData);
        });
    }

    private void backgroundRefresh() {
        if (closed) {
            return;
        }
        try {
            profiles.maybeRefresh();
            vacancies.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            System.getLogger("nl.werkmatch.matcher").log(System.Logger.Level.WARNING, "background refresh failed", e);
        }
    }

    // ---- reads

    public Optional<Profile> profile(String id) {
        return read(() -> {
            String json = profiles.json(id);
            return json == null ? Optional.empty() : Optional.of(format.readProfile(json));
        });
    }

    public Optional<Vacancy> vacancy(String id) {
        return read(() -> {
            String json = vacancies.json(id);
            return json == null ? Optional.empty() : Optional.of(format.readVacancy(json));
        });
    }

    /** Every visible profile, read from one snapshot of the index; writes during the walk are not seen. */
    public void forEachProfile(Consumer<Profile> sink) {
        read(() -> {
            profiles.forEachVisibleJson((json, n) -> sink.accept(format.readProfile(json)));
            return null;
        });
    }

    /** Every visible vacancy, read from one snapshot of the index; writes during the walk are not seen. */
    public void forEachVacancy(Consumer<Vacancy> sink) {
        read(() -> {
            vacancies.forEachVisibleJson((json, n) -> sink.accept(format.readVacancy(json)));
            return null;
        });
    }

    public int profileCount() {
        ensureOpen();
        return profiles.count();
    }

    public int vacancyCount() {
        ensureOpen();
        return vacancies.count();
    }

    private interface IoRead<T> {
        T get() throws IOException;
    }

    private <T> T read(IoRead<T> r) {
        ensureOpen();
        try {
            return r.get();
        } catch (IOException e) {
            throw new WerkmatchException("read failed: " + e.getMessage(), e);
        }
    }

    public PairScorer scorer() {
        return scorer;
    }

    public ExchangeFormat format() {
        return format;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public LocalDate today() {
        return LocalDate.now(config.clock().withZone(NL));
    }

    // ---- matching

    /**
     * Ranks candidates for a stored vacancy. Ranking needs only the vacancy's compact form (stored documents were
     * validated when written); an explanation asks for its record.
     */
    public MatchPage candidatesFor(String vacancyId, MatchRequest request) {
        PreparedVacancy pv = read(() -> {
            byte[] form = vacancies.compactForm(vacancyId);
            return form == null ? null : compact.decodeVacancy(form, 0, form.length);
        });
        if (pv == null) {
            throw new NotFoundException("no vacancy with id \"" + vacancyId + "\"");
        }
        if (request.explain()) {
            pv = scorer.prepare(vacancy(vacancyId).orElseThrow(() -> deletedWhileRanked(vacancyId)));
        }
        return rankCandidates(pv, request);
    }

    public MatchPage vacanciesFor(String profileId, MatchRequest request) {
        PreparedProfile pp = read(() -> {
            byte[] form = profiles.compactForm(profileId);
            return form == null ? null : compact.decodeProfile(form, 0, form.length);
        });
        if (pp == null) {
            throw new NotFoundException("no profile with id \"" + profileId + "\"");
        }
        if (request.explain()) {
            pp = scorer.prepare(profile(profileId).orElseThrow(() -> deletedWhileRanked(profileId)));
        }
        return rankVacancies(pp, request);
    }

    public MatchPage candidatesFor(Vacancy v, MatchRequest request) {
        requireValid(validate(v));
        return rankCandidates(scorer.prepare(v), request);
    }

    private MatchPage rankCandidates(PreparedVacancy pv, MatchRequest request) {
        ScoringWeights w = weights(request);
        Set<String> regions = regions(request);
        LocalDate today = today();
        QueryCompiler.Compiled compiled = QueryCompiler.candidatesFor(pv, request, w, today, regions);
        return topK(profiles, compiled, request, w, form -> {
            PreparedProfile pp = compact.decodeProfile(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, true) ? new Pair(pp, pv, pp.id()) : null;
        }, pair -> new Pair(scorer.prepare(profile(pair.id()).orElseThrow(() -> deletedWhileRanked(pair.id()))), pv, pair.id()));
    }

    public MatchPage vacanciesFor(Profile p, MatchRequest request) {
        requireValid(validate(p));
        return rankVacancies(scorer.prepare(p), request);
    }

    private MatchPage rankVacancies(PreparedProfile pp, MatchRequest request) {
        ScoringWeights w = weights(request);
        Set<String> regions = regions(request);
        LocalDate today = today();
        QueryCompiler.Compiled compiled = QueryCompiler.vacanciesFor(pp, request, w, today, regions);
        return topK(vacancies, compiled, request, w, form -> {
            PreparedVacancy pv = compact.decodeVacancy(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, false) ? new Pair(pp, pv, pv.id()) : null;
        }, pair -> new Pair(pp, scorer.prepare(vacancy(pair.id()).orElseThrow(() -> deletedWhileRanked(pair.id()))), pair.id()));
    }

    private static NotFoundException deletedWhileRanked(String id) {
        return new NotFoundException("\"" + id + "\" was deleted while its match was being explained; ask again");
    }

    public Explanation explain(String profileId, String vacancyId, ScoringWeights weights) {
        Profile p = profile(profileId).orElseThrow(() -> new NotFoundException("no profile with id \"" + profileId + "\""));
        Vacancy v = vacancy(vacancyId).orElseThrow(() -> new NotFoundException("no vacancy with id \"" + vacancyId + "\""));
        return scorer.explain(scorer.prepare(p), scorer.prepare(v), weights == null ? config.weights() : weights);
    }

    private ScoringWeights weights(MatchRequest r) {
        return r.weights() == null ? config.weights() : r.weights();
    }

    private Set<String> regions(MatchRequest r) {
        Set<String> out = new HashSet<>();
        for (String name : r.labourMarketRegions()) {
            LabourMarketRegion region = config.regions().labourMarketRegion(name)
                    .orElseThrow(() -> new InvalidInputException("labourMarketRegions",
                            "unknown labour market region \"" + name + "\""));
            out.add(region.name());
        }
        return out;
    }

    private record Pair(PreparedProfile profile, PreparedVacancy vacancy, String id) {
    }

    private record Scored(Pair pair, double score) {
    }

    /** Decodes a hit's compact form into a pair, or null when the pair fails a filter. */
    private interface HitLoader {
        Pair load(BytesRef compactForm);
    }

    /** The same pair with the hit's full form, read from its stored record, for an explanation. */
    private interface FullLoader {
        Pair load(Pair compactPair);
    }

    /**
     * Exact top-k: takes Lucene's best N by approximate score, rescores them exactly, and stops once the k-th
     * exact score is at least the highest score any document outside those N could have (the N-th approximate
     * score plus the constant plus the error bound), less {@link #TIE_TOLERANCE}; otherwise asks for four times
     * as many.
     */
    private MatchPage topK(IndexSide side, QueryCompiler.Compiled compiled, MatchRequest r, ScoringWeights w,
                           HitLoader loader, FullLoader full) {
        ensureOpen();
        int need = r.offset() + r.k();
        if (compiled.matchesNothing()) {
            return new MatchPage(List.of(), r.offset(), r.k());
        }
        try {
            IndexSearcher searcher = side.acquire();
            try {
                Map<Integer, Scored> seen = new HashMap<>();
                // Lucene's scores are within ~1e-5 of the exact ones, so a few hits beyond the page nearly always
                // prove the page
                int n = need + 4;
                int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
                List<Scored> admitted;
                while (true) {
                    TopDocs top = compiled.search(searcher, Math.min(n, maxDoc));
                    rescore(searcher, top.scoreDocs, seen, loader, w);
                    admitted = new ArrayList<>();
                    for (ScoreDoc hit : top.scoreDocs) {
                        Scored s = seen.get(hit.doc);
                        if (s != null && s.score() >= r.minScore()) {
                            admitted.add(s);
                        }
                    }
                    admitted.sort(Comparator.comparingDouble(Scored::score).reversed()
                            .thenComparing(s -> s.pair().id()));
                    boolean exhausted = top.scoreDocs.length < Math.min(n, maxDoc) || n >= maxDoc;
                    if (exhausted) {
                        break;
                    }
                    double bound = top.scoreDocs[top.scoreDocs.length - 1].score + compiled.constant() + compiled.maxError();
                    if (bound < r.minScore()) {
                        break;
                    }
                    if (admitted.size() >= need && admitted.get(need - 1).score() + TIE_TOLERANCE >= bound) {
                        break;
                    }
                    n = (int) Math.min((long) n * 4, maxDoc);
                }
                List<Match> page = new ArrayList<>();
                for (int i = r.offset(); i < Math.min(need, admitted.size()); i++) {
                    Scored s = admitted.get(i);
                    PreparedProfile pp = s.pair().profile();
                    PreparedVacancy pv = s.pair().vacancy();
                    Explanation explanation = null;
                    if (r.explain()) {
                        Pair withRecord = full.load(s.pair());
                        explanation = scorer.explain(withRecord.profile(), withRecord.vacancy(), w);
                    }
                    page.add(new Match(s.pair().id(), s.score(), PairScorer.contributions(pp, pv, w), explanation));
                }
                return new MatchPage(page, r.offset(), r.k());
            } finally {
                side.release(searcher);
            }
        } catch (IOException e) {
            throw new WerkmatchException("search failed: " + e.getMessage(), e);
        }
    }

    /** Scores the hits not seen before exactly, reading their compact forms in doc id order, segment by segment. */
    private static void rescore(IndexSearcher searcher, ScoreDoc[] hits, Map<Integer, Scored> seen, HitLoader loader,
                                ScoringWeights w) throws IOException {
        int[] docs = new int[hits.length];
        int n = 0;
        for (ScoreDoc hit : hits) {
            if (!seen.containsKey(hit.doc)) {
                docs[n++] = hit.doc;
            }
        }
        Arrays.sort(docs, 0, n);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        BinaryDocValues forms = null;
        LeafReaderContext ctx = null;
        for (int i = 0; i < n; i++) {
            int doc = docs[i];
            if (ctx == null || doc >= ctx.docBase + ctx.reader().maxDoc()) {
                leaf = ReaderUtil.subIndex(doc, leaves);
                ctx = leaves.get(leaf);
                forms = DocValues.getBinary(ctx.reader(), Fields.FORM);
            }
            if (!forms.advanceExact(doc - ctx.docBase)) {
                throw new IllegalStateException("document " + doc + " has no compact form");
            }
            Pair pair = loader.load(forms.binaryValue());
            seen.put(doc, pair == null ? null : new Scored(pair, PairScorer.score(pair.profile(), pair.vacancy(), w)));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this matcher is closed");
        }
    }

    public EngineConfig config() {
        return config;
    }

    /** Commits and closes; a closed engine refuses every call. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        refresher.shutdownNow();
        indexers.shutdown();
        try {
            profiles.commit(commitData);
            vacancies.commit(commitData);
        } catch (IOException e) {
            throw new WerkmatchException("commit on close failed: " + e.getMessage(), e);
        } finally {
            try {
                profiles.close();
                vacancies.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
