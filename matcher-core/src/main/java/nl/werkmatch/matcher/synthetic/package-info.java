/**
 * A seeded generator of realistic synthetic job seekers and vacancies: {@link nl.werkmatch.matcher.synthetic.SyntheticWorld}.
 *
 * <p>It lives in matcher-core rather than a module of its own because the CLI's {@code demo} and {@code generate}
 * commands, the benchmarks and the tests all need the same generator, it depends on nothing beyond the core
 * (model, taxonomy, geo), and it is small: a separate artifact would cost every user a second dependency for a
 * few classes. Only {@code SyntheticWorld} and its builder are public.
 */
package nl.werkmatch.matcher.synthetic;
