/**
 * Measuring and tuning match quality on recorded outcomes (hires, interviews, proposals, rejections).
 *
 * <ul>
 *   <li>{@link nl.werkmatch.matcher.evaluation.OutcomesFile} reads and writes outcomes files (JSON Lines), all or
 *       nothing, every bad line named.</li>
 *   <li>{@link nl.werkmatch.matcher.evaluation.Evaluation} computes recall@k, MRR and nDCG@k per direction with
 *       bootstrap intervals, beside an exact-skill-overlap baseline and the engine ranking on skills alone.</li>
 *   <li>{@link nl.werkmatch.matcher.evaluation.Tuning} fits the component weights and the similarity credits to
 *       a training split and reports held-out figures; the result is a
 *       {@link nl.werkmatch.matcher.scoring.RankingSettings} (a weights file).</li>
 *   <li>{@link nl.werkmatch.matcher.evaluation.OccupationEvaluationSet} builds a graded evaluation world from a
 *       taxonomy's own occupations (ESCO in the tests); {@link nl.werkmatch.matcher.evaluation.OutcomeSimulator}
 *       gives a generated world outcomes from a hidden preference.</li>
 * </ul>
 *
 * <p>Everything here uses only the public API of {@link nl.werkmatch.matcher.Matcher} and the scorer it exposes.
 */
package nl.werkmatch.matcher.evaluation;
