package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.NotFoundException;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.Explanation;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Exact top-k in both directions: compiles a request ({@link QueryCompiler}), takes Lucene's best hits, rescores
 * them exactly and widens the window until the page is proven (see the package documentation for why the stop rule
 * is exact). Public for {@code Matcher} only; this package is not exported.
 */
public final class TopKSearch {
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private final Storage storage;
    private final Validation validation;
    private final Reads reads;
    private final Scorer scorer;
    private final CompactForm compact;

    TopKSearch(Storage storage, Validation validation, Reads reads, Scorer scorer, CompactForm compact) {
        this.storage = storage;
        this.validation = validation;
        this.reads = reads;
        this.scorer = scorer;
        this.compact = compact;
    }

    /** Today in the Netherlands by the configured clock: which vacancies are still open. */
    public LocalDate today() {
        return LocalDate.now(storage.config().clock().withZone(NL));
    }

    /**
     * Ranks candidates for a stored vacancy. Ranking needs only the vacancy's compact form (stored documents were
     * validated when written); an explanation asks for its record.
     */
    public MatchPage candidatesFor(String vacancyId, MatchRequest request) {
        PreparedVacancy pv = storage.read(() -> {
            byte[] form = storage.vacancies().compactForm(vacancyId);
            return form == null ? null : compact.decodeVacancy(form, 0, form.length);
        });
        if (pv == null) {
            throw new NotFoundException("no vacancy with id \"" + vacancyId + "\"");
        }
        if (request.explain()) {
            pv = scorer.prepare(reads.vacancy(vacancyId).orElseThrow(() -> deletedWhileRanked(vacancyId)));
        }
        return rankCandidates(pv, request);
    }

    /** Ranks vacancies for a stored profile; see {@link #candidatesFor(String, MatchRequest)}. */
    public MatchPage vacanciesFor(String profileId, MatchRequest request) {
        PreparedProfile pp = storage.read(() -> {
            byte[] form = storage.profiles().compactForm(profileId);
            return form == null ? null : compact.decodeProfile(form, 0, form.length);
        });
        if (pp == null) {
            throw new NotFoundException("no profile with id \"" + profileId + "\"");
        }
        if (request.explain()) {
            pp = scorer.prepare(reads.profile(profileId).orElseThrow(() -> deletedWhileRanked(profileId)));
        }
        return rankVacancies(pp, request);
    }

    /** Ranks candidates for a vacancy that need not be stored; it is validated first. */
    public MatchPage candidatesFor(Vacancy v, MatchRequest request) {
        validation.requireValid(v);
        return rankCandidates(scorer.prepare(v), request);
    }

    /** Ranks vacancies for a profile that need not be stored; it is validated first. */
    public MatchPage vacanciesFor(Profile p, MatchRequest request) {
        validation.requireValid(p);
        return rankVacancies(scorer.prepare(p), request);
    }

    /** Why a stored profile and a stored vacancy score what they do. */
    public Explanation explain(String profileId, String vacancyId, ScoringWeights weights) {
        Profile p = reads.profile(profileId)
                .orElseThrow(() -> new NotFoundException("no profile with id \"" + profileId + "\""));
        Vacancy v = reads.vacancy(vacancyId)
                .orElseThrow(() -> new NotFoundException("no vacancy with id \"" + vacancyId + "\""));
        return scorer.explain(scorer.prepare(p), scorer.prepare(v), weights);
    }

    private MatchPage rankCandidates(PreparedVacancy pv, MatchRequest asked) {
        MatchRequest request = resolved(asked);
        ScoringWeights w = weights(request);
        Set<String> regions = regions(request);
        LocalDate today = today();
        QueryCompiler.Compiled compiled = QueryCompiler.candidatesFor(pv, request, w, today, regions);
        return topK(storage.profiles(), compiled, request, w, form -> {
            PreparedProfile pp = compact.decodeProfile(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, true) ? new Pair(pp, pv, pp.id()) : null;
        }, pair -> new Pair(scorer.prepare(reads.profile(pair.id()).orElseThrow(() -> deletedWhileRanked(pair.id()))),
                pv, pair.id()));
    }

    private MatchPage rankVacancies(PreparedProfile pp, MatchRequest asked) {
        MatchRequest request = resolved(asked);
        ScoringWeights w = weights(request);
        Set<String> regions = regions(request);
        LocalDate today = today();
        QueryCompiler.Compiled compiled = QueryCompiler.vacanciesFor(pp, request, w, today, regions);
        return topK(storage.vacancies(), compiled, request, w, form -> {
            PreparedVacancy pv = compact.decodeVacancy(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, false) ? new Pair(pp, pv, pv.id()) : null;
        }, pair -> new Pair(pp, scorer.prepare(reads.vacancy(pair.id()).orElseThrow(() -> deletedWhileRanked(pair.id()))),
                pair.id()));
    }

    /**
     * Every vacancy that passes the hard and requested filters (the skill floor among them) for a profile that need not be stored, with its exact
     * score, when that is at least the request's {@code minScore} (paging settings are ignored). The profile is not
     * validated: callers pass a valid one, or a change of one that stays valid.
     */
    public Map<String, Double> reachableVacancies(Profile p, MatchRequest asked) {
        MatchRequest request = resolved(asked);
        PreparedProfile pp = scorer.prepare(p);
        ScoringWeights w = weights(request);
        Set<String> regions = regions(request);
        LocalDate today = today();
        QueryCompiler.Compiled compiled = QueryCompiler.vacanciesFor(pp, request, w, today, regions);
        return reachable(storage.vacancies(), compiled, request, exact(form -> {
            PreparedVacancy pv = compact.decodeVacancy(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, false) ? new Pair(pp, pv, pv.id()) : null;
        }, w));
    }

    /**
     * The engine side of advice: reachable sets as prepared forms, and the request's hard filters for rechecking
     * changed records in memory ({@link AdviceReach}). The request is resolved here, today is fixed for the advice.
     */
    public AdviceReach adviceReach(MatchRequest asked) {
        MatchRequest request = resolved(asked);
        LocalDate today = today();
        Set<String> regions = regions(request);
        ScoringWeights w = weights(request);
        return new AdviceReach(request, w, today, regions, scorer,
                (pp, r) -> forms(storage.vacancies(), QueryCompiler.vacanciesFor(pp, r, w, today, regions), r,
                        form -> compact.decodeVacancy(form.bytes, form.offset, form.length),
                        pv -> !PairFilter.admits(pp, pv, r, today, regions, false) ? -1
                                : r.minScore() > 0 ? Scorer.score(pp, pv, w) : 0),
                (pv, r) -> forms(storage.profiles(), QueryCompiler.candidatesFor(pv, r, w, today, regions), r,
                        form -> compact.decodeProfile(form.bytes, form.offset, form.length),
                        pp -> !PairFilter.admits(pp, pv, r, today, regions, true) ? -1
                                : r.minScore() > 0 ? Scorer.score(pp, pv, w) : 0));
    }

    private <T> List<T> forms(IndexSide side, QueryCompiler.Compiled compiled, MatchRequest r,
                              Function<BytesRef, T> decode,
                              ToDoubleFunction<T> exactOrMinusOne) {
        storage.ensureOpen();
        return storage.read(() -> {
            IndexSearcher searcher = side.acquire();
            try {
                return AdviceReach.forms(searcher, compiled, r.minScore(), decode, exactOrMinusOne);
            } finally {
                side.release(searcher);
            }
        });
    }

    /** Every candidate for a vacancy that need not be stored; see {@link #reachableVacancies}. */
    public Map<String, Double> reachableCandidates(Vacancy v, MatchRequest asked) {
        MatchRequest request = resolved(asked);
        PreparedVacancy pv = scorer.prepare(v);
        ScoringWeights w = weights(request);
        Set<String> regions = regions(request);
        LocalDate today = today();
        QueryCompiler.Compiled compiled = QueryCompiler.candidatesFor(pv, request, w, today, regions);
        return reachable(storage.profiles(), compiled, request, exact(form -> {
            PreparedProfile pp = compact.decodeProfile(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, true) ? new Pair(pp, pv, pp.id()) : null;
        }, w));
    }

    /**
     * A snapshot of the profile index that counts, vacancy by vacancy, who is eligible under {@code asked} (its
     * filters and minScore; paging ignored), for the audit. Close it.
     */
    public EligibleCandidates eligibleCandidates(MatchRequest asked) {
        return eligibleCandidates(asked, EligibleCandidates.CACHED_PROFILES);
    }

    /** {@link #eligibleCandidates(MatchRequest)} keeping at most {@code cachedProfiles} decoded profiles (tests). */
    public EligibleCandidates eligibleCandidates(MatchRequest asked, int cachedProfiles) {
        MatchRequest request = resolved(asked);
        storage.ensureOpen();
        return new EligibleCandidates(storage, compact, request, weights(request), regions(request), today(),
                cachedProfiles);
    }

    private Map<String, Double> reachable(IndexSide side, QueryCompiler.Compiled compiled, MatchRequest r,
                                          Reach.Exact exact) {
        storage.ensureOpen();
        return storage.read(() -> {
            IndexSearcher searcher = side.acquire();
            try {
                Map<String, Double> out = new HashMap<>();
                for (Reach.Hit hit : Reach.all(searcher, compiled, r.minScore(), exact)) {
                    out.put(hit.id(), hit.score());
                }
                return out;
            } finally {
                side.release(searcher);
            }
        });
    }

    /** The pair filter and the exact score of a document, for counting. */
    private static Reach.Exact exact(HitLoader loader, ScoringWeights w) {
        return form -> {
            Pair pair = loader.load(form);
            return pair == null ? null : new Reach.Hit(pair.id(), Scorer.score(pair.profile(), pair.vacancy(), w));
        };
    }

    private static NotFoundException deletedWhileRanked(String id) {
        return new NotFoundException("\"" + id + "\" was deleted while its match was being explained; ask again");
    }

    /**
     * The request with the matcher's skill floor filled in where it sets none, so that the compiled query and the
     * pair filter read one value.
     */
    MatchRequest resolved(MatchRequest r) {
        return r.minSkillFit() != null ? r : r.toBuilder().minSkillFit(storage.config().minSkillFit()).build();
    }

    private ScoringWeights weights(MatchRequest r) {
        return r.weights() == null ? storage.config().weights() : r.weights();
    }

    private Set<String> regions(MatchRequest r) {
        Set<String> out = new HashSet<>();
        for (String name : r.labourMarketRegions()) {
            LabourMarketRegion region = storage.config().regions().labourMarketRegion(name)
                    .orElseThrow(() -> new InvalidInputException("labourMarketRegions",
                            "unknown labour market region \"" + name + "\""));
            out.add(region.name());
        }
        return out;
    }

    record Pair(PreparedProfile profile, PreparedVacancy vacancy, String id) {
    }

    record Scored(Pair pair, double score) {
        /** The order of a page: by exact score, ties by id. */
        static final Comparator<Scored> PAGE_ORDER = Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.pair().id());
    }

    /** Decodes a hit's compact form into a pair, or null when the pair fails a filter. */
    interface HitLoader {
        Pair load(BytesRef compactForm);
    }

    /** The same pair with the hit's full form, read from its stored record, for an explanation. */
    private interface FullLoader {
        Pair load(Pair compactPair);
    }

    /**
     * Exact top-k: takes Lucene's best N by approximate score, rescores them exactly, and stops once the k-th
     * exact score is above the highest score any document outside those N could have (the N-th approximate score
     * plus the constant plus the error bound); otherwise it looks up everything that could still reach the k-th
     * ({@link #window}). So a page is a function of
     * the data alone: the admitted matches by exact score, ties by id, whatever the segments (an equal score
     * outside the window could have the smaller id, hence "above").
     */
    private MatchPage topK(IndexSide side, QueryCompiler.Compiled compiled, MatchRequest r, ScoringWeights w,
                           HitLoader loader, FullLoader full) {
        storage.ensureOpen();
        if (compiled.matchesNothing()) {
            return new MatchPage(List.of(), r.offset(), r.k(), r.withTotal() ? OptionalInt.of(0) : OptionalInt.empty());
        }
        return storage.read(() -> {
            IndexSearcher searcher = side.acquire();
            try {
                List<Scored> admitted = window(searcher, compiled, r, w, loader);
                int need = r.offset() + r.k();
                List<Match> page = new ArrayList<>();
                for (int i = r.offset(); i < Math.min(need, admitted.size()); i++) {
                    Scored s = admitted.get(i);
                    Explanation explanation = null;
                    if (r.explain()) {
                        Pair withRecord = full.load(s.pair());
                        explanation = scorer.explain(withRecord.profile(), withRecord.vacancy(), w);
                    }
                    page.add(new Match(s.pair().id(), s.score(),
                            Scorer.contributions(s.pair().profile(), s.pair().vacancy(), w), explanation));
                }
                OptionalInt total = r.withTotal()
                        ? OptionalInt.of(Reach.count(searcher, compiled, r.minScore(), exact(loader, w),
                                r.minSkillFit() > 0))
                        : OptionalInt.empty();
                return new MatchPage(page, r.offset(), r.k(), total);
            } finally {
                side.release(searcher);
            }
        });
    }

    /**
     * The admitted hits of a window that proves the page, best first. The first window is Lucene's best n, a few
     * more than the page. When it does not prove the page, its k-th exact score s still says what is missing:
     * any document that could rank at or above s has a Lucene score of at least s less the constant and the error
     * bound, so one search for every such document (with that threshold set from its first document on, so the
     * scorer skips the rest as it goes) proves the page. Those are mostly the documents tied with the k-th around
     * the cut (in a city, neighbours with the same postcode and skills), few, and a search for the next n times
     * four cost a tail query more than the first window did. Only when the first window has not k admitted
     * matches at all does it widen fourfold.
     */
    static List<Scored> window(IndexSearcher searcher, QueryCompiler.Compiled compiled, MatchRequest r,
                               ScoringWeights w, HitLoader loader) throws IOException {
        int need = r.offset() + r.k();
        Map<Integer, Scored> seen = new HashMap<>();
        // Lucene's scores are within ~1e-5 of the exact ones, so a few hits beyond the page nearly always prove it;
        // a deep page's neighbours lie closer together, and a second search costs more than an eighth more hits
        int n = need + 4 + need / 8;
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        while (true) {
            TopDocs top = compiled.search(searcher, Math.min(n, maxDoc));
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            rescore(searcher, docs, seen, loader, w);
            List<Scored> admitted = admitted(docs, seen, r.minScore());
            boolean exhausted = top.scoreDocs.length < Math.min(n, maxDoc) || n >= maxDoc;
            if (exhausted) {
                return admitted;
            }
            double bound = top.scoreDocs[top.scoreDocs.length - 1].score + compiled.constant() + compiled.maxError();
            if (bound < r.minScore()
                    || (admitted.size() >= need && admitted.get(need - 1).score() > bound)) {
                return admitted;
            }
            if (admitted.size() >= need) {
                double kth = admitted.get(need - 1).score();
                int[] all = Reach.docsThatMayReach(searcher, compiled, Math.max(kth, r.minScore()));
                rescore(searcher, all, seen, loader, w);
                return admitted(all, seen, r.minScore());
            }
            n = (int) Math.min((long) n * 4, maxDoc);
        }
    }

    /** The scored documents at or above the minimum score, in page order. */
    private static List<Scored> admitted(int[] docs, Map<Integer, Scored> seen, double minScore) {
        List<Scored> admitted = new ArrayList<>();
        for (int doc : docs) {
            Scored s = seen.get(doc);
            if (s != null && s.score() >= minScore) {
                admitted.add(s);
            }
        }
        admitted.sort(Scored.PAGE_ORDER);
        return admitted;
    }

    /** Scores the hits not seen before exactly, reading their compact forms in doc id order, segment by segment. */
    private static void rescore(IndexSearcher searcher, int[] hits, Map<Integer, Scored> seen, HitLoader loader,
                                ScoringWeights w) throws IOException {
        int[] docs = new int[hits.length];
        int n = 0;
        for (int hit : hits) {
            if (!seen.containsKey(hit)) {
                docs[n++] = hit;
            }
        }
        Arrays.sort(docs, 0, n);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues forms = null;
        LeafReaderContext ctx = null;
        for (int i = 0; i < n; i++) {
            int doc = docs[i];
            if (ctx == null || doc >= ctx.docBase + ctx.reader().maxDoc()) {
                ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
                forms = DocValues.getBinary(ctx.reader(), Fields.FORM);
            }
            if (!forms.advanceExact(doc - ctx.docBase)) {
                throw new IllegalStateException("document " + doc + " has no compact form");
            }
            Pair pair = loader.load(forms.binaryValue());
            seen.put(doc, pair == null ? null : new Scored(pair, Scorer.score(pair.profile(), pair.vacancy(), w)));
        }
    }
}
