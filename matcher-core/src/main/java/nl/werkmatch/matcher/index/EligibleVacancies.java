package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * For how many vacancies a person is eligible (passes every hard filter, the skill floor among them, and reaches
 * {@code minScore}), on one snapshot of the vacancy index: the audit's eligible counts of the people on no list.
 *
 * <p>Why from the person's side: the audit needs the count only for whoever is never recommended, and a person's
 * own travel limit is a place filter on the (place-sorted) vacancy index, while from a vacancy's side every
 * candidate's limit differs and the country's postings must be walked. The skill floor is decided from the index:
 * a query whose score is the skills value ({@link QueryCompiler#skillsOfVacancies}) with the floor as its minimum
 * score, so Lucene skips whoever cannot reach it and only the borderline is decoded. Thread-safe; close it to
 * release the snapshot. Public for the audit only; this package is not exported.
 */
public final class EligibleVacancies implements AutoCloseable {
    private final Storage storage;
    private final CompactForm compact;
    private final MatchRequest request;
    private final ScoringWeights weights;
    private final Set<String> regions;
    private final LocalDate today;
    private final IndexSearcher searcher;
    /** Per thread, the vacancy documents that pass the skill floor for one person; cleared after each. */
    private final ThreadLocal<FixedBitSet> floorPassers;

    EligibleVacancies(Storage storage, CompactForm compact, MatchRequest resolved, ScoringWeights weights,
                      Set<String> regions, LocalDate today) {
        this.storage = storage;
        this.compact = compact;
        this.request = resolved;
        this.weights = weights;
        this.regions = regions;
        this.today = today;
        this.searcher = storage.read(() -> storage.vacancies().acquire());
        int documents = Math.max(1, searcher.getIndexReader().maxDoc());
        this.floorPassers = ThreadLocal.withInitial(() -> new FixedBitSet(documents));
    }

    /**
     * The number of vacancies of the snapshot for which the stored profile passes the hard filters and the
     * request's and scores at least its {@code minScore}; -1 when the profile is gone.
     */
    public int count(String profileId) {
        PreparedProfile pp = storage.read(() -> {
            byte[] form = storage.profiles().compactForm(profileId);
            return form == null ? null : compact.decodeProfile(form, 0, form.length);
        });
        if (pp == null) {
            return -1;
        }
        return storage.read(() -> count(pp));
    }

    private int count(PreparedProfile pp) throws IOException {
        Reach.Exact exactScore = form -> {
            PreparedVacancy pv = compact.decodeVacancy(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, false)
                    ? new Reach.Hit(pv.id(), Scorer.score(pp, pv, weights)) : null;
        };
        if (request.minSkillFit() <= 0) {
            QueryCompiler.Compiled compiled = QueryCompiler.vacanciesFor(pp, request, weights, today, regions);
            return Reach.count(searcher, compiled, request.minScore(), exactScore, false);
        }
        QueryCompiler.Compiled skills = QueryCompiler.skillsOfVacancies(pp, request, today, regions);
        Reach.Exact exactSkills = form -> {
            PreparedVacancy pv = compact.decodeVacancy(form.bytes, form.offset, form.length);
            return PairFilter.admits(pp, pv, request, today, regions, false)
                    ? new Reach.Hit(pv.id(), Scorer.skillsValue(pp, pv)) : null;
        };
        if (request.minScore() <= 0) {
            return Reach.count(searcher, skills, request.minSkillFit(), exactSkills, false);
        }
        // of those above the floor, who reaches minScore: the score pass's sure documents still need the floor
        FixedBitSet floor = floorPassers.get();
        try {
            if (Reach.forEachReached(searcher, skills, request.minSkillFit(), exactSkills, false, floor::set) == 0) {
                return 0;
            }
            QueryCompiler.Compiled compiled = QueryCompiler.vacanciesFor(pp, request, weights, today, regions);
            int[] count = new int[1];
            Reach.forEachReached(searcher, compiled, request.minScore(), exactScore, false, doc -> {
                if (floor.get(doc)) {
                    count[0]++;
                }
            });
            return count[0];
        } finally {
            floor.clear(0, floor.length());
        }
    }

    /** Releases the snapshot. */
    @Override
    public void close() {
        try {
            storage.vacancies().release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
