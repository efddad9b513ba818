/** A seeded generator of realistic synthetic profiles and vacancies, for the demo, tests and benchmarks. */
package nl.werkmatch.matcher.synthetic;
