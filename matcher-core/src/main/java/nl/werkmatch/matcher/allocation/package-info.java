/**
 * Sharing out limited positions: capacity- and congestion-aware shortlists for a region.
 *
 * <p>{@code matcher.allocate(AllocationRequest)} finds the vacancies in scope (labour market regions,
 * municipalities or explicit ids, open on a day), ranks each vacancy's best candidates with the engine, and chooses
 * shortlists that maximise the total engine score (plus an optional bonus for people who appear on no list in the
 * plain rankings) subject to the capacities: at most {@code perPosition x positions} candidates per vacancy and at
 * most {@code maxPerCandidate} lists per person. It is solved exactly, as a minimum-cost flow, and compared with
 * the plain way (each vacancy takes its own top {@code perPosition x positions}). Built only on the public
 * {@code Matcher} API; nothing here reads the index.
 */
package nl.werkmatch.matcher.allocation;
