package nl.werkmatch.opensearch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.NotFoundException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.TaxonomyMismatchException;
import nl.werkmatch.matcher.audit.internal.FairRanking;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.index.PairFilter;
import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.scoring.Explanation;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * The matcher on an OpenSearch cluster: profiles and vacancies live in two OpenSearch indexes (at least 2 primary
 * shards and a replica each by default), and {@link #candidatesFor} / {@link #vacanciesFor} return the same pages as
 * the embedded {@link Matcher} with the same settings, exactly (ties within 1e-4 may swap). OpenSearch ranks by a
 * query DSL score that bounds the exact score ({@code ClusterQueries}); this client rescores a window of its best hits
 * with the core's scorer and widens the window until no unseen document can enter the page ({@code Window}).
 *
 * <pre>{@code
 * try (ClusterMatcher cluster = ClusterMatcher.builder(URI.create("http://127.0.0.1:9250")).taxonomy(t).build()) {
 *     cluster.upsertVacancies(vacancies);
 *     cluster.refresh();
 *     MatchPage best = cluster.candidatesFor("v-1", MatchRequest.builder().k(10).build());
 * }
 * }</pre>
 *
 * <p>Writes become visible after {@link #refresh()} or the index refresh interval (default one second); OpenSearch
 * makes them durable itself. Thread-safe. The taxonomy and index settings the indexes were built with are kept in
 * their {@code _meta}; opening them with others fails with {@link TaxonomyMismatchException}.
 */
public final class ClusterMatcher implements AutoCloseable {
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    /** Records per {@code _bulk} request: large enough to amortise a round trip, small enough to bound memory. */
    private static final int BULK_BATCH = 1000;

    private final Http http;
    private final String profiles;
    private final String vacancies;
    /** The embedded matcher's settings, validation and exchange format; it stores nothing. */
    private final Matcher local;
    private final Scorer scorer;
    private final CompactForm compact;
    private final ExchangeFormat format;
    private final Clock clock;
    private final Window window;
    private final String fingerprint;

    private ClusterMatcher(Builder b, Matcher local) {
        this.http = new Http(b.url, b.timeout);
        this.profiles = b.indexPrefix + "-profiles";
        this.vacancies = b.indexPrefix + "-vacancies";
        this.local = local;
        this.scorer = new Scorer(local.taxonomy(), local.scorer().similarity(), local.scorer().evidenceWeights(),
                local.regions());
        this.compact = new CompactForm(scorer);
        this.format = local.exchangeFormat();
        this.clock = b.clock;
        this.window = new Window(http);
        this.fingerprint = fingerprint(local, b.similarity, b.evidence);
    }

    /** A builder for a cluster at {@code url} (for example {@code http://127.0.0.1:9250}), every setting at its default. */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /** What the indexes depend on: their layout, the taxonomy's structure, the evidence weights and similarity. */
    private static String fingerprint(Matcher local, SkillSimilarity.Config similarity, EvidenceWeights evidence) {
        return Hashing.sha256().hashString("opensearch-" + ClusterDocuments.LAYOUT_VERSION + "|"
                + local.taxonomy().fingerprint() + "|" + evidence.fingerprint() + "|" + similarity,
                StandardCharsets.UTF_8).toString();
    }

    // ---- indexes

    private void open(Builder b) {
        ObjectNode meta = Http.JSON.createObjectNode();
        ObjectNode werkmatch = meta.putObject("werkmatch");
        werkmatch.put("fingerprint", fingerprint);
        werkmatch.put("taxonomyId", local.taxonomy().id());
        werkmatch.put("taxonomyVersion", local.taxonomy().version());
        werkmatch.put("layout", ClusterDocuments.LAYOUT_VERSION);
        String refresh = b.refreshInterval.toMillis() + "ms";
        openIndex(profiles, ClusterDocuments.profileIndex(b.shards, b.replicas, refresh, meta));
        openIndex(vacancies, ClusterDocuments.vacancyIndex(b.shards, b.replicas, refresh, meta));
        http.json("GET", "_cluster/health/" + profiles + "," + vacancies + "?wait_for_status=yellow&timeout=60s", null);
    }

    private void openIndex(String index, ObjectNode definition) {
        Http.Response existing = http.send("GET", index + "/_mapping", null, null);
        if (existing.status() == 404) {
            Http.Response created = http.send("PUT", index, Http.write(definition), "application/json");
            if (created.ok()) {
                return;
            }
            if (!Http.reason(created.body()).contains("resource_already_exists")) {
                throw http.refused("PUT", index, created);
            }
            existing = http.send("GET", index + "/_mapping", null, null);   // another client made it meanwhile
        }
        if (!existing.ok()) {
            throw http.refused("GET", index + "/_mapping", existing);
        }
        JsonNode meta = existing.body().path(index).path("mappings").path("_meta").path("werkmatch");
        if (!fingerprint.equals(meta.path("fingerprint").asText())) {
            String made = meta.isMissingNode() ? "is not a Werkmatch index"
                    : "was built with taxonomy " + meta.path("taxonomyId").asText() + " v"
                    + meta.path("taxonomyVersion").asText() + " and other index settings (layout "
                    + meta.path("layout").asText() + ")";
            throw new TaxonomyMismatchException("the OpenSearch index " + index + " at " + http.base() + " " + made
                    + ", not with taxonomy " + local.taxonomy().id() + " v" + local.taxonomy().version()
                    + " and these settings; import into another index prefix, or delete the index and import again");
        }
    }

    // ---- writes

    /**
     * Validates and writes a profile, replacing one with the same id.
     *
     * @throws InvalidInputException listing every problem with its path; nothing is written
     */
    public void upsertProfile(Profile profile) {
        requireNoProblems(local.validate(required(profile, "profile")));
        BatchResult r = upsertProfiles(List.of(profile));
        if (!r.rejected().isEmpty()) {
            throw new ClusterException(r.rejected().get(0).problems().get(0).message());
        }
    }

    /** Validates and writes a vacancy, replacing one with the same id; see {@link #upsertProfile}. */
    public void upsertVacancy(Vacancy vacancy) {
        requireNoProblems(local.validate(required(vacancy, "vacancy")));
        BatchResult r = upsertVacancies(List.of(vacancy));
        if (!r.rejected().isEmpty()) {
            throw new ClusterException(r.rejected().get(0).problems().get(0).message());
        }
    }

    /**
     * Writes every valid profile of the batch through {@code _bulk} and reports the others: invalid ones with their
     * problems, and any that OpenSearch refused with its reason.
     */
    public BatchResult upsertProfiles(List<Profile> batch) {
        return upsert(profiles, required(batch, "profiles"), local::validate, Profile::id, p -> {
            PreparedProfile pp = scorer.prepare(p);
            return ClusterDocuments.profile(pp, compact.encode(pp), format.toJson(p));
        });
    }

    /** Writes every valid vacancy of the batch; see {@link #upsertProfiles}. */
    public BatchResult upsertVacancies(List<Vacancy> batch) {
        return upsert(vacancies, required(batch, "vacancies"), local::validate, Vacancy::id, v -> {
            PreparedVacancy pv = scorer.prepare(v);
            return ClusterDocuments.vacancy(pv, compact.encode(pv), format.toJson(v));
        });
    }

    private <T> BatchResult upsert(String index, List<T> batch, Function<T, List<Problem>> validate,
                                   Function<T, String> id, Function<T, ObjectNode> document) {
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        int written = 0;
        StringBuilder body = new StringBuilder();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            T record = batch.get(i);
            if (record == null) {
                rejected.add(new BatchResult.Rejected(i, null, List.of(new Problem("", "missing (null)"))));
                continue;
            }
            List<Problem> problems = validate.apply(record);
            if (!problems.isEmpty()) {
                rejected.add(new BatchResult.Rejected(i, id.apply(record), problems));
                continue;
            }
            ObjectNode action = Http.JSON.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", id.apply(record));
            body.append(Http.write(action)).append('\n').append(Http.write(document.apply(record))).append('\n');
            positions.add(i);
            if (positions.size() == BULK_BATCH) {
                written += bulk(body, positions, batch, id, rejected);
            }
        }
        if (!positions.isEmpty()) {
            written += bulk(body, positions, batch, id, rejected);
        }
        rejected.sort(java.util.Comparator.comparingInt(BatchResult.Rejected::index));
        return new BatchResult(written, rejected);
    }

    /** Sends one bulk request, maps each refused item to its position in the batch, and clears the buffers. */
    private <T> int bulk(StringBuilder body, List<Integer> positions, List<T> batch, Function<T, String> id,
                         List<BatchResult.Rejected> rejected) {
        Http.Response r = http.send("POST", "_bulk", body.toString(), "application/x-ndjson");
        body.setLength(0);
        if (!r.ok()) {
            positions.clear();
            throw http.refused("POST", "_bulk", r);
        }
        int written = 0;
        JsonNode items = r.body().path("items");
        for (int k = 0; k < positions.size(); k++) {
            JsonNode item = items.path(k).path("index");
            int position = positions.get(k);
            if (item.has("error")) {
                rejected.add(new BatchResult.Rejected(position, id.apply(batch.get(position)), List.of(new Problem("",
                        "OpenSearch refused it: " + Http.reason(item)))));
            } else {
                written++;
            }
        }
        positions.clear();
        return written;
    }

    /** Every problem of a profile with its path; empty when it can be written. */
    public List<Problem> validate(Profile profile) {
        return local.validate(required(profile, "profile"));
    }

    /** Every problem of a vacancy with its path; empty when it can be written. */
    public List<Problem> validate(Vacancy vacancy) {
        return local.validate(required(vacancy, "vacancy"));
    }

    /** Deletes a profile; after the next refresh it is never returned again. Returns whether one was removed. */
    public boolean deleteProfile(String id) {
        return delete(profiles, List.of(required(id, "id"))) == 1;
    }

    /** Deletes a vacancy; returns whether one was removed. */
    public boolean deleteVacancy(String id) {
        return delete(vacancies, List.of(required(id, "id"))) == 1;
    }

    /** Deletes a batch of profiles through {@code _bulk}; returns how many were removed. */
    public int deleteProfiles(Collection<String> ids) {
        return delete(profiles, required(ids, "ids"));
    }

    /** Deletes a batch of vacancies through {@code _bulk}; returns how many were removed. */
    public int deleteVacancies(Collection<String> ids) {
        return delete(vacancies, required(ids, "ids"));
    }

    private int delete(String index, Collection<String> ids) {
        int removed = 0;
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (String id : ids) {
            ObjectNode action = Http.JSON.createObjectNode();
            action.putObject("delete").put("_index", index).put("_id", required(id, "ids[]"));
            body.append(Http.write(action)).append('\n');
            if (++n == BULK_BATCH) {
                removed += deleted(body);
                n = 0;
            }
        }
        if (n > 0) {
            removed += deleted(body);
        }
        return removed;
    }

    private int deleted(StringBuilder body) {
        JsonNode r = http.json("POST", "_bulk", body.toString());
        body.setLength(0);
        int removed = 0;
        for (JsonNode item : r.path("items")) {
            JsonNode d = item.path("delete");
            if (d.has("error")) {
                throw new ClusterException("OpenSearch refused to delete \"" + d.path("_id").asText() + "\": "
                        + Http.reason(d));
            }
            removed += "deleted".equals(d.path("result").asText()) ? 1 : 0;
        }
        return removed;
    }

    /** Makes every write so far visible to reads and matches. */
    public void refresh() {
        http.json("POST", profiles + "," + vacancies + "/_refresh", null);
    }

    /**
     * Removes deleted documents from the segments on disk (not only from results): personal data must be erasable.
     * Flushes, then runs {@code _forcemerge?only_expunge_deletes=true} on both indexes, which rewrites every segment
     * holding a deleted document, until the indexes' statistics count no deleted document in any copy. OpenSearch
     * keeps a deleted document for a replica that has not yet caught up with it (its retention lease, renewed every
     * few seconds), so this retries for up to {@code timeout} and then throws saying how many remain.
     */
    public void purgeDeleted(Duration timeout) {
        required(timeout, "timeout");
        String both = profiles + "," + vacancies;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            http.json("POST", both + "/_flush", null);
            http.json("POST", both + "/_forcemerge?only_expunge_deletes=true", null);
            long left = http.json("GET", both + "/_stats/docs", null).path("_all").path("total").path("docs")
                    .path("deleted").asLong();
            if (left == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterException(left + " deleted documents are still in the segments of " + both + " after "
                        + timeout.toSeconds() + " s (a replica's retention lease keeps them); run the purge again");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted while purging deleted documents", e);
            }
        }
    }

    /** {@link #purgeDeleted(Duration)} with two minutes to wait for the replicas. */
    public void purgeDeleted() {
        purgeDeleted(Duration.ofMinutes(2));
    }

    // ---- reads

    /** The profile with this id, as of the last refresh. */
    public Optional<Profile> profile(String id) {
        return source(profiles, required(id, "id")).map(format::readProfile);
    }

    /** The vacancy with this id, as of the last refresh. */
    public Optional<Vacancy> vacancy(String id) {
        return source(vacancies, required(id, "id")).map(format::readVacancy);
    }

    private Optional<JsonNode> source(String index, String id) {
        Http.Response r = http.send("GET", index + "/_doc/" + encode(id) + "?_source_includes=record", null, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw http.refused("GET", index + "/_doc/" + id, r);
        }
        return Optional.of(r.body().path("_source").path("record"));
    }

    private Optional<byte[]> form(String index, String id) {
        Http.Response r = http.send("GET", index + "/_doc/" + encode(id) + "?_source_includes=form", null, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw http.refused("GET", index + "/_doc/" + id, r);
        }
        return Optional.of(ClusterDocuments.form(r.body().path("_source")));
    }

    /**
     * Gives every visible vacancy to {@code sink}, in id order, a page of 500 at a time ({@code search_after} on the
     * id), so that memory does not grow with the index; for a caller that keeps its own view of the vacancies.
     */
    public void forEachVacancy(Consumer<Vacancy> sink) {
        JsonNode after = null;
        while (true) {
            ObjectNode body = Http.JSON.createObjectNode();
            body.put("size", 500);
            body.put("track_total_hits", false);
            body.putObject("query").putObject("match_all");
            body.putArray("sort").addObject().put("id", "asc");
            body.putArray("_source").add("record");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = http.json("POST", vacancies + "/_search", body).path("hits").path("hits");
            if (hits.isEmpty()) {
                return;
            }
            for (JsonNode hit : hits) {
                sink.accept(format.readVacancy(hit.path("_source").path("record")));
                after = hit.path("sort");
            }
        }
    }

    /** The records of these ids in one request ({@code _mget}); ids not found are absent from the map. */
    private Map<String, JsonNode> records(String index, List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        ObjectNode body = Http.JSON.createObjectNode();
        ids.forEach(body.putArray("ids")::add);
        JsonNode r = http.json("POST", index + "/_mget?_source_includes=record", body);
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode doc : r.path("docs")) {
            if (doc.path("found").asBoolean()) {
                out.put(doc.path("_id").asText(), doc.path("_source").path("record"));
            }
        }
        return out;
    }

    /** How many profiles are visible. */
    public long profileCount() {
        return http.json("GET", profiles + "/_count", null).path("count").asLong();
    }

    /** How many vacancies are visible. */
    public long vacancyCount() {
        return http.json("GET", vacancies + "/_count", null).path("count").asLong();
    }

    // ---- matches

    /**
     * The best candidates for a stored vacancy, under the request's fairness constraint if it has one; the same page
     * as {@link Matcher#candidatesFor(String, MatchRequest)}. Throws {@link NotFoundException} for an unknown id.
     */
    public MatchPage candidatesFor(String vacancyId, MatchRequest request) {
        required(vacancyId, "vacancyId");
        required(request, "request");
        if (request.fairness() != null) {
            return FairRanking.page(request, plain -> candidatesFor(vacancyId, plain), this::profile);
        }
        PreparedVacancy pv;
        if (request.explain()) {
            pv = scorer.prepare(vacancy(vacancyId).orElseThrow(() -> notFound("vacancy", vacancyId)));
        } else {
            byte[] form = form(vacancies, vacancyId).orElseThrow(() -> notFound("vacancy", vacancyId));
            pv = compact.decodeVacancy(form, 0, form.length);
        }
        return rankCandidates(pv, request);
    }

    /** The best candidates for a vacancy that need not be stored (it is validated first). */
    public MatchPage candidatesFor(Vacancy vacancy, MatchRequest request) {
        required(vacancy, "vacancy");
        required(request, "request");
        requireNoProblems(local.validate(vacancy));
        if (request.fairness() != null) {
            return FairRanking.page(request, plain -> candidatesFor(vacancy, plain), this::profile);
        }
        return rankCandidates(scorer.prepare(vacancy), request);
    }

    /** The best vacancies for a stored profile. Throws {@link NotFoundException} for an unknown id. */
    public MatchPage vacanciesFor(String profileId, MatchRequest request) {
        required(profileId, "profileId");
        noFairness(required(request, "request"));
        PreparedProfile pp;
        if (request.explain()) {
            pp = scorer.prepare(profile(profileId).orElseThrow(() -> notFound("profile", profileId)));
        } else {
            byte[] form = form(profiles, profileId).orElseThrow(() -> notFound("profile", profileId));
            pp = compact.decodeProfile(form, 0, form.length);
        }
        return rankVacancies(pp, request);
    }

    /** The best vacancies for a profile that need not be stored; it is validated first. */
    public MatchPage vacanciesFor(Profile profile, MatchRequest request) {
        required(profile, "profile");
        noFairness(required(request, "request"));
        requireNoProblems(local.validate(profile));
        return rankVacancies(scorer.prepare(profile), request);
    }

    /** Why a stored profile and a stored vacancy score what they do, with the matcher's weights. */
    public Explanation explain(String profileId, String vacancyId) {
        Profile p = profile(required(profileId, "profileId")).orElseThrow(() -> notFound("profile", profileId));
        Vacancy v = vacancy(required(vacancyId, "vacancyId")).orElseThrow(() -> notFound("vacancy", vacancyId));
        return scorer.explain(scorer.prepare(p), scorer.prepare(v), local.weights());
    }

    private MatchPage rankCandidates(PreparedVacancy pv, MatchRequest asked) {
        MatchRequest r = resolved(asked);
        ScoringWeights w = weights(r);
        Set<String> regions = regions(r);
        LocalDate today = today();
        ClusterQueries.Compiled q = ClusterQueries.candidatesFor(pv, r, w, today, regions);
        Window.HitLoader loader = (id, form) -> {
            PreparedProfile pp = compact.decodeProfile(form, 0, form.length);
            return PairFilter.admits(pp, pv, r, today, regions, true) ? new Window.Pair(pp, pv, pp.id()) : null;
        };
        return page(profiles, q, r, w, loader, (pair, record) ->
                scorer.explain(scorer.prepare(format.readProfile(record)), pv, w));
    }

    private MatchPage rankVacancies(PreparedProfile pp, MatchRequest asked) {
        MatchRequest r = resolved(asked);
        ScoringWeights w = weights(r);
        Set<String> regions = regions(r);
        LocalDate today = today();
        ClusterQueries.Compiled q = ClusterQueries.vacanciesFor(pp, r, w, today, regions);
        Window.HitLoader loader = (id, form) -> {
            PreparedVacancy pv = compact.decodeVacancy(form, 0, form.length);
            return PairFilter.admits(pp, pv, r, today, regions, false) ? new Window.Pair(pp, pv, pv.id()) : null;
        };
        return page(vacancies, q, r, w, loader, (pair, record) ->
                scorer.explain(pp, scorer.prepare(format.readVacancy(record)), w));
    }

    /** Explains one match from the stored record of its ranked side. */
    private interface Explainer {
        Explanation explain(Window.Pair pair, JsonNode record);
    }

    private MatchPage page(String index, ClusterQueries.Compiled q, MatchRequest r, ScoringWeights w,
                           Window.HitLoader loader, Explainer explainer) {
        if (q.matchesNothing()) {
            return new MatchPage(List.of(), r.offset(), r.k(), r.withTotal() ? OptionalInt.of(0) : OptionalInt.empty());
        }
        List<Window.Scored> admitted = window.top(index, q, r, w, loader);
        List<Window.Scored> shown = admitted.subList(Math.min(r.offset(), admitted.size()),
                Math.min(r.offset() + r.k(), admitted.size()));
        Map<String, JsonNode> records = r.explain()
                ? records(index, shown.stream().map(s -> s.pair().id()).toList()) : Map.of();
        List<Match> matches = new ArrayList<>();
        for (Window.Scored s : shown) {
            Explanation explanation = null;
            if (r.explain()) {
                JsonNode record = records.get(s.pair().id());
                if (record == null) {
                    throw new NotFoundException("\"" + s.pair().id()
                            + "\" was deleted while its match was being explained; ask again");
                }
                explanation = explainer.explain(s.pair(), record);
            }
            matches.add(new Match(s.pair().id(), s.score(),
                    Scorer.contributions(s.pair().profile(), s.pair().vacancy(), w), explanation));
        }
        OptionalInt total = r.withTotal() ? OptionalInt.of(window.count(index, q, r, w, loader)) : OptionalInt.empty();
        return new MatchPage(matches, r.offset(), r.k(), total);
    }

    private MatchRequest resolved(MatchRequest r) {
        return r.minSkillFit() != null ? r : r.toBuilder().minSkillFit(local.minSkillFit()).build();
    }

    private ScoringWeights weights(MatchRequest r) {
        return r.weights() == null ? local.weights() : r.weights();
    }

    private Set<String> regions(MatchRequest r) {
        Set<String> out = new HashSet<>();
        for (String name : r.labourMarketRegions()) {
            LabourMarketRegion region = local.regions().labourMarketRegion(name)
                    .orElseThrow(() -> new InvalidInputException("labourMarketRegions",
                            "unknown labour market region \"" + name + "\""));
            out.add(region.name());
        }
        return out;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NL));
    }

    private static void noFairness(MatchRequest request) {
        if (request.fairness() != null) {
            throw new InvalidInputException("fairness", "a fairness constraint applies to candidate pages only");
        }
    }

    // ---- settings

    /** The skill taxonomy records are checked against. */
    public SkillTaxonomy taxonomy() {
        return local.taxonomy();
    }

    /** The geography places are resolved in. */
    public Regions regions() {
        return local.regions();
    }

    /** The weights a request without its own is scored with. */
    public ScoringWeights weights() {
        return local.weights();
    }

    /** The exchange format bound to this matcher's regions. */
    public ExchangeFormat exchangeFormat() {
        return format;
    }

    /** The name of the profiles index, PREFIX-profiles. */
    public String profilesIndex() {
        return profiles;
    }

    /** The name of the vacancies index, PREFIX-vacancies. */
    public String vacanciesIndex() {
        return vacancies;
    }

    /** The cluster's URL. */
    public URI url() {
        return http.base();
    }

    /** Closes the connections and the local parts; the cluster and its indexes stay as they are. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            local.close();
        }
    }

    private static NotFoundException notFound(String what, String id) {
        return new NotFoundException("no " + what + " with id \"" + id + "\"");
    }

    private static void requireNoProblems(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new InvalidInputException(name, "missing (null)");
        }
        return value;
    }

    /** Configures a cluster matcher; every setting but the URL has a default. */
    public static final class Builder {
        private final URI url;
        private SkillTaxonomy taxonomy;
        private Regions regions;
        private SkillSimilarity.Config similarity = SkillSimilarity.Config.DEFAULT;
        private EvidenceWeights evidence = EvidenceWeights.DEFAULT;
        private ScoringWeights weights = ScoringWeights.DEFAULT;
        private double minSkillFit = MatchRequest.DEFAULT_MIN_SKILL_FIT;
        private Clock clock = Clock.systemDefaultZone();
        private String indexPrefix = "werkmatch";
        private int shards = 2;
        private int replicas = 1;
        private Duration refreshInterval = Duration.ofSeconds(1);
        private Duration timeout = Duration.ofSeconds(60);

        private Builder(URI url) {
            this.url = required(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new InvalidInputException("url", "must be an http or https URL, got \"" + url + "\"");
            }
        }

        /** The skill taxonomy; default the bundled sample. */
        public Builder taxonomy(SkillTaxonomy value) { this.taxonomy = required(value, "taxonomy"); return this; }
        /** The geography; default {@link Regions#netherlands()}. */
        public Builder regions(Regions value) { this.regions = required(value, "regions"); return this; }
        /** How similar skills earn credit for each other. */
        public Builder similarity(SkillSimilarity.Config value) { this.similarity = required(value, "similarity"); return this; }
        /** How much each kind of evidence counts. */
        public Builder evidence(EvidenceWeights value) { this.evidence = required(value, "evidence"); return this; }
        /** The component weights of requests without their own. */
        public Builder weights(ScoringWeights value) { this.weights = required(value, "weights"); return this; }
        /** Component weights, similarity credits and evidence weights at once, e.g. from a weights file. */
        public Builder ranking(RankingSettings value) {
            required(value, "ranking");
            return weights(value.weights()).similarity(value.similarity()).evidence(value.evidence());
        }
        /** The skill floor of requests that set none, 0..1; default {@link MatchRequest#DEFAULT_MIN_SKILL_FIT}. */
        public Builder minSkillFit(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new InvalidInputException("minSkillFit", "must be between 0 and 1, got " + value);
            }
            this.minSkillFit = value;
            return this;
        }
        /** The clock that says which vacancies are still open. */
        public Builder clock(Clock value) { this.clock = required(value, "clock"); return this; }
        /** The indexes are PREFIX-profiles and PREFIX-vacancies; default "werkmatch". Lower case, digits, '-', '_'. */
        public Builder indexPrefix(String value) {
            if (value == null || !value.matches("[a-z0-9][a-z0-9_-]{0,200}")) {
                throw new InvalidInputException("indexPrefix", "must be lower case letters, digits, '-' or '_', got \""
                        + value + "\"");
            }
            this.indexPrefix = value;
            return this;
        }
        /** Primary shards of a new index; default 2. */
        public Builder shards(int value) {
            if (value < 1 || value > 1024) {
                throw new InvalidInputException("shards", "must be between 1 and 1024, got " + value);
            }
            this.shards = value;
            return this;
        }
        /** Replicas of each shard of a new index; default 1. */
        public Builder replicas(int value) {
            if (value < 0 || value > 16) {
                throw new InvalidInputException("replicas", "must be between 0 and 16, got " + value);
            }
            this.replicas = value;
            return this;
        }
        /** How soon writes become visible by themselves; default one second. */
        public Builder refreshInterval(Duration value) { this.refreshInterval = required(value, "refreshInterval"); return this; }
        /** How long one request to the cluster may take; default 60 s. */
        public Builder timeout(Duration value) { this.timeout = required(value, "timeout"); return this; }

        /**
         * Connects, creates the indexes when they are missing and checks their fingerprint when they exist.
         *
         * @throws TaxonomyMismatchException when the indexes were built with another taxonomy or index settings
         * @throws ClusterException          when the cluster cannot be reached or refuses
         */
        public ClusterMatcher build() {
            // the local matcher stores nothing: no background refresh to run
            Matcher.Builder b = Matcher.builder().refreshInterval(Duration.ofDays(365)).similarity(similarity)
                    .evidence(evidence).weights(weights)
                    .minSkillFit(minSkillFit).clock(clock).taxonomy(taxonomy != null ? taxonomy : TaxonomyJson.sample());
            if (regions != null) {
                b.regions(regions);
            }
            Matcher local = b.build();
            ClusterMatcher m = null;
            try {
                m = new ClusterMatcher(this, local);
                m.open(this);
                return m;
            } catch (RuntimeException e) {
                if (m != null) {
                    m.close();
                } else {
                    local.close();
                }
                throw e;
            }
        }
    }
}
