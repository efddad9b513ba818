package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.WhatIfEngine;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * The engine's side of advice ({@link TopKSearch#adviceReach}): reachable sets by the same pruned, exactly rescored
 * pass as a page's total, returned as prepared forms, and the request's pair filter, all with one resolved request
 * and one day, so that every set and every in-memory recheck of an advice sees the same filters. Public for
 * {@code Matcher} only.
 */
public final class AdviceReach implements WhatIfEngine {
    private final MatchRequest request;
    private final ScoringWeights weights;
    private final LocalDate today;
    private final Set<String> regions;
    private final nl.werkmatch.matcher.internal.Scorer scorer;
    private final BiFunction<PreparedProfile, MatchRequest, List<PreparedVacancy>> vacancies;
    private final BiFunction<PreparedVacancy, MatchRequest, List<PreparedProfile>> candidates;

    AdviceReach(MatchRequest request, ScoringWeights weights, LocalDate today, Set<String> regions,
                nl.werkmatch.matcher.internal.Scorer scorer,
                BiFunction<PreparedProfile, MatchRequest, List<PreparedVacancy>> vacancies,
                BiFunction<PreparedVacancy, MatchRequest, List<PreparedProfile>> candidates) {
        this.request = request;
        this.weights = weights;
        this.today = today;
        this.regions = regions;
        this.scorer = scorer;
        this.vacancies = vacancies;
        this.candidates = candidates;
    }

    /**
     * Every document of the compiled query admitted by the pair filter with an exact score of at least
     * {@code minScore}, decoded, in doc id order. At a threshold of 0 no score is needed: the documents are collected
     * without scoring, each read as its segment is visited; above it, by {@link Reach#all} (pruned at the threshold,
     * the borderline rescored).
     *
     * @param exactOrMinusOne the exact score of an admitted document, -1 for one the pair filter refuses
     */
    static <T> List<T> forms(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore,
                             Function<BytesRef, T> decode, ToDoubleFunction<T> exactOrMinusOne) throws IOException {
        List<T> out = new ArrayList<>();
        if (compiled.matchesNothing()) {
            return out;
        }
        if (minScore > 0) {
            Reach.all(searcher, compiled, minScore, form -> {
                T doc = decode.apply(form);
                if (exactOrMinusOne.applyAsDouble(doc) >= minScore) {
                    out.add(doc);
                }
                return null;   // collected above; Reach keeps no hits
            });
            return out;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(filtersOnly(compiled.query())),
                ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocPredicateQuery.LeafTest test = compiled.postFilter() == null ? null : compiled.postFilter().open(leaf.reader());
            BinaryDocValues formsOfLeaf = DocValues.getBinary(leaf.reader(), Fields.FORM);
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if ((live != null && !live.get(doc)) || (test != null && !test.test(doc))) {
                    continue;
                }
                if (!formsOfLeaf.advanceExact(doc)) {
                    throw new IllegalStateException("document " + (leaf.docBase + doc) + " has no compact form");
                }
                T decoded = decode.apply(formsOfLeaf.binaryValue());
                if (exactOrMinusOne.applyAsDouble(decoded) >= 0) {
                    out.add(decoded);
                }
            }
        }
        return out;
    }

    /**
     * The documents a compiled query matches are those of its FILTER clauses: one of its scoring clauses matches
     * every document (the language-and-level or distance clause, or else a zero-scoring match-all one, see
     * {@code QueryCompiler.finish}). Without scores the skill clauses need not be read at all.
     */
    private static Query filtersOnly(Query query) {
        if (!(query instanceof BooleanQuery bq) || bq.getMinimumNumberShouldMatch() > 1) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        for (BooleanClause c : bq.clauses()) {
            if (c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.MUST_NOT) {
                return query;   // not a shape the compiler makes; keep the query as it is
            }
            if (c.occur() == BooleanClause.Occur.FILTER) {
                b.add(c.query(), BooleanClause.Occur.FILTER);
            }
        }
        return b.build();
    }

    @Override
    public List<PreparedVacancy> vacancies(PreparedProfile p, double minScore, double minSkillFit) {
        return vacancies.apply(p, request.toBuilder().minScore(minScore).minSkillFit(minSkillFit).build());
    }

    @Override
    public List<PreparedProfile> candidates(PreparedVacancy v, double minScore, double minSkillFit) {
        return candidates.apply(v, request.toBuilder().minScore(minScore).minSkillFit(minSkillFit).build());
    }

    @Override
    public boolean admits(PreparedProfile p, PreparedVacancy v) {
        return PairFilter.admits(p, v, request, today, regions, true);
    }

    @Override
    public double minSkillFit() {
        return request.minSkillFit();
    }

    @Override
    public ScoringWeights weights() {
        return weights;
    }

    @Override
    public double score(PreparedProfile p, PreparedVacancy v) {
        return nl.werkmatch.matcher.internal.Scorer.score(p, v, weights);
    }

    @Override
    public nl.werkmatch.matcher.internal.Scorer scorer() {
        return scorer;
    }
}
