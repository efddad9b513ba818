/**
 * Implementation of the score, not exported: the rules ({@code Rules}), the scorer on prepared records
 * ({@code Scorer}), the prepared forms with dense taxonomy ids ({@code PreparedProfile}, {@code PreparedVacancy}),
 * their compact binary form ({@code CompactForm}), and the credit tables and occupation neighbourhoods preparation
 * uses. Types here are public only so that the engine in {@code index} and the benchmarks can reach them; they change
 * with the index format and are not for embedders, who score pairs through {@code scoring.PairScorer}.
 */
package nl.werkmatch.matcher.internal;
