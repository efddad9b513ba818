/**
 * The Lucene ranking core (not exported): documents, query compilation, exact top-k, storage.
 *
 * <h2>Who does what</h2>
 * {@code Matcher} is assembled from the parts {@link nl.werkmatch.matcher.index.Engine#open} opens:
 * {@link nl.werkmatch.matcher.index.Storage} owns the two indexes (profiles, vacancies; one
 * {@code IndexSide} each: writer, near-real-time searcher, commit data), the background refresh, commits and
 * closing; {@code Migration} opens a data directory and rebuilds it from its stored JSON when it was made with other
 * settings, staging both sides and committing both or neither; {@link nl.werkmatch.matcher.index.Validation} is
 * the one place that decides whether a record may be written; {@link nl.werkmatch.matcher.index.BatchWriter}
 * prepares and writes records, large batches on every core ({@code Workers}), and makes deletes say whether they
 * removed something ({@code LiveIds}); {@link nl.werkmatch.matcher.index.TopKSearch} ranks. The score itself is not
 * here: {@code internal.Scorer} and {@code internal.Rules} define it, and this package only computes the same
 * sum faster.
 *
 * <h2>The place-sorted index</h2>
 * Every segment is sorted by a Z-order (Morton) code of the document's place ({@code Documents.zOrder}), so
 * documents near each other on the map are near each other in doc id order. The box around a search circle is then
 * at most 48 Z-code ranges, which {@code PlaceRangesQuery} turns into runs of doc ids by binary search on the sorted
 * doc values: no point tree, no bit set per query. Stretches of the index that lie far away are contiguous, which
 * is what makes the block bounds below worth having.
 *
 * <h2>The query and its block bounds</h2>
 * {@code QueryCompiler} turns one side of a pair and a request into a disjunction whose score is the exact pair score
 * minus a constant: one {@code FeatureField} clause per required (or covered) concept, whose credits and shares are
 * defined at the 9 significant bits a feature keeps, so they are exact; one {@code AttributeScoreQuery} that
 * computes language and level from the packed facts of {@code Attributes}; one {@code DistanceScoreQuery}; two
 * constant clauses for the preference tiers. Lucene's MaxScore scorer skips documents that cannot enter the top k
 * using each clause's per-block maximum; the features have impacts, and {@code SegmentSummary} gives the attribute
 * and distance clauses theirs: per block of 128 documents the bounding box of the points and the best Dutch,
 * English and education ranks present ({@code BlockBounds}), so a block that is far away or weak is skipped whole.
 * Hard filters that the index order does not express run on collected documents only
 * ({@code PostFilteredTopDocs}), from the same summary's arrays; the collector's threshold rises only with documents
 * that pass, so filtering after collection never changes a page.
 *
 * <h2>The rescoring window and why its stop rule is exact</h2>
 * Lucene's score of a document plus the query's constant is within {@code maxError} of the exact score (the only
 * approximations left are the fast haversine, within 0.4 m, and float sums). {@code TopKSearch} asks Lucene for the
 * best {@code N = offset + k + 4 + (offset + k) / 8} documents, rescores them exactly from their compact forms with
 * the scorer and the pair filter, and stops when the k-th exact score is above
 * {@code bound = (N-th Lucene score) + constant + maxError}. Every document outside the window has a Lucene score of
 * at most the N-th, so its exact score is at most {@code bound}: no unseen document can beat or tie the page, and the
 * page equals a full scan's, equal scores ordered by id. When the bound is not met but the window holds k admitted
 * matches, their k-th exact score {@code s} says what is missing: one more search collects every document whose
 * Lucene score is at least {@code s - constant - maxError} (the scorer skips the rest from the first document on),
 * which holds everything that could beat or tie the k-th, mostly ties around the cut. Only a window with fewer
 * than k admitted matches grows four times and is checked again; one that covers every match is exact by
 * construction.
 * {@code EngineVersusBruteForceTest} checks this against a full scan on random worlds in both directions.
 *
 * <h2>The skill floor</h2>
 * A request's {@code minSkillFit} (resolved to the matcher's when it sets none) is a hard filter on the exact skills
 * component. Above 0 the candidates query's post filter also sums the profile's skills value from the required
 * concepts' postings of collected documents only and keeps those that reach the floor ({@code SkillFloorTest}: as
 * a filter clause of the query "holds a required concept" cost a third of the query at a million profiles), so a
 * profile under the floor takes no place in the window; the vacancies query keeps vacancies requiring one of the
 * profile's concepts ({@code RequiresAnyConcept}). The exact comparison runs in {@code PairFilter} on every
 * rescored hit.
 * The stop rule stays exact when the floor drops rescored hits: an unseen document's exact score is still at most
 * {@code bound}, whether or not it would pass the floor, so a page of k admitted hits at or above the bound is
 * proven, and a window short of k admitted hits widens until it is, or covers every match.
 */
package nl.werkmatch.matcher.index;
