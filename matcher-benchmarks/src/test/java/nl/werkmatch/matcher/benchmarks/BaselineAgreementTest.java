package nl.werkmatch.matcher.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The three paths the benchmarks compare must answer the same: on a small synthetic world, the engine, the
 * brute-force scan and the Elasticsearch-style baseline return the same top k with the same exact scores
 * (within 1e-9; the ES-style path within 1e-6 because Lucene ranks it by float scores), in both directions.
 * Ties within 1e-4 may swap.
 */
class BaselineAgreementTest {
    static final double TIE = 1e-4;
    static BenchWorld world;
    static Matcher matcher;

    @BeforeAll
    static void build() {
        world = BenchWorld.of("sample", 5_000, 3_000);
        matcher = world.matcher();
    }

    @Test
    void candidatesAgree() {
        int nonEmpty = 0;
        for (int k : new int[] {10, 100}) {
            MatchRequest r = MatchRequest.builder().k(k).withinKm(30.0).build();
            for (Vacancy v : world.queryVacancies(20)) {
                List<Hit> brute = BruteForce.candidates(world.preparedProfiles(), world.scorer().prepare(v), r,
                        BenchWorld.WEIGHTS, BenchWorld.TODAY);
                List<Hit> engine = hits(matcher.candidatesFor(v.id(), r));
                List<Hit> es = world.esProfiles().candidates(world.scorer().prepare(v), r, BenchWorld.WEIGHTS,
                        BenchWorld.TODAY);
                assertAgree("engine candidates for " + v.id() + " k=" + k, brute, engine, 1e-9);
                assertAgree("es-style candidates for " + v.id() + " k=" + k, brute, es, 1e-6);
                nonEmpty += brute.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("queries with results").isGreaterThan(20);
    }

    @Test
    void vacanciesAgree() {
        int nonEmpty = 0;
        MatchRequest r = MatchRequest.builder().k(10).withinKm(30.0).build();
        for (Profile p : world.queryProfiles(20)) {
            List<Hit> brute = BruteForce.vacancies(world.preparedVacancies(), world.scorer().prepare(p), r,
                    BenchWorld.WEIGHTS, BenchWorld.TODAY);
            List<Hit> engine = hits(matcher.vacanciesFor(p.id(), r));
            List<Hit> es = world.esVacancies().vacancies(world.scorer().prepare(p), r, BenchWorld.WEIGHTS,
                    BenchWorld.TODAY);
            assertAgree("engine vacancies for " + p.id(), brute, engine, 1e-9);
            assertAgree("es-style vacancies for " + p.id(), brute, es, 1e-6);
            nonEmpty += brute.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("queries with results").isGreaterThan(10);
    }

    static List<Hit> hits(MatchPage page) {
        return page.matches().stream().map((Match m) -> new Hit(m.id(), m.score())).toList();
    }

    static void assertAgree(String what, List<Hit> expected, List<Hit> actual, double tol) {
        assertThat(actual).as(what + ": size").hasSameSizeAs(expected);
        Map<String, Double> exact = new HashMap<>();
        expected.forEach(h -> exact.put(h.id(), h.score()));
        for (int i = 0; i < expected.size(); i++) {
            Hit e = expected.get(i);
            Hit a = actual.get(i);
            if (e.id().equals(a.id())) {
                assertThat(a.score()).as(what + ": score of " + a.id() + " at " + i).isCloseTo(e.score(),
                        org.assertj.core.data.Offset.offset(tol));
            } else {
                assertThat(a.score()).as(what + ": " + a.id() + " instead of " + e.id() + " at " + i
                        + " is not a tie").isCloseTo(e.score(), org.assertj.core.data.Offset.offset(TIE));
                if (exact.containsKey(a.id())) {
                    assertThat(a.score()).as(what + ": score of " + a.id()).isCloseTo(exact.get(a.id()),
                            org.assertj.core.data.Offset.offset(tol));
                }
            }
        }
    }
}
