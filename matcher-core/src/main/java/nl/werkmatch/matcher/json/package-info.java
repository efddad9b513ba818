/** Exchange format v1: JSON mapping, validation with field paths, JSON Lines reading. */
package nl.werkmatch.matcher.json;
