/** Immutable records of exchange format v1: profiles, vacancies and their parts. */
package nl.werkmatch.matcher.model;
