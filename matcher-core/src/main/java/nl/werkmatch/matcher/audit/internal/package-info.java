/**
 * The audit and the FA*IR re-ranking behind {@link nl.werkmatch.matcher.audit}; not exported. Everything here uses
 * the public API of {@link nl.werkmatch.matcher.Matcher} ({@code forEachProfile/forEachVacancy},
 * {@code candidatesFor}, {@code vacanciesFor}, {@code profile}), never the index.
 */
package nl.werkmatch.matcher.audit.internal;
