/**
 * Exchange format v1: {@link nl.werkmatch.matcher.json.ExchangeFormat} reads profiles and vacancies from JSON,
 * reporting every problem with its JSON path, and writes them back as compact lines;
 * {@link nl.werkmatch.matcher.json.JsonLinesReader} reads {@code .jsonl} files for bulk import, line by line.
 */
package nl.werkmatch.matcher.json;
