package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.opensearch.ClusterMatcher;
import nl.werkmatch.opensearch.LocalCluster;

/**
 * The cluster backend's invariant, on a real 2-node OpenSearch cluster: on random worlds, with random filters,
 * weights, skill floors and paging, in both directions, its pages equal the embedded engine's (which
 * {@code EngineVersusBruteForceTest} proves equal to a full scan): the same scores rank by rank, the same ids up to
 * ties within 1e-4, every id one the engine ranks with the same exact score, the same contributions, explanations
 * when asked for, and the same totals.
 */
class ClusterVersusEngineTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void pagesEqualTheEmbeddedEnginesInBothDirections(long seed) {
        check(seed, EvidenceWeights.DEFAULT, 50);
    }

    /** With a small cap on covered concepts, so that the cap decides credits. */
    @ParameterizedTest
    @ValueSource(longs = {7})
    void pagesEqualTheEmbeddedEnginesWithFewCoveredConcepts(long seed) {
        EvidenceWeights d = EvidenceWeights.DEFAULT;
        check(seed, new EvidenceWeights(d.declared(), d.assessed(), d.certified(), d.inferred(), d.experienceEssential(),
                d.experienceImportant(), d.experienceOptional(), 4), 30);
    }

    private void check(long seed, EvidenceWeights evidence, int requests) {
        RandomWorld world = new RandomWorld(seed);
        double floor = seed % 2 == 0 ? MatchRequest.DEFAULT_MIN_SKILL_FIT : 0.15;
        List<Profile> profiles = world.profiles(300);
        List<Vacancy> vacancies = world.vacancies(200);
        try (Matcher engine = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).evidence(evidence)
                .minSkillFit(floor).build();
             ClusterMatcher cluster = ClusterMatcher.builder(LocalCluster.url()).taxonomy(world.taxonomy)
                     .clock(TinyWorld.CLOCK).evidence(evidence).minSkillFit(floor)
                     .indexPrefix("property-" + seed + "-" + System.nanoTime()).build()) {
            RandomWorld.load(engine, profiles, vacancies);
            assertThat(cluster.upsertProfiles(profiles).rejected()).isEmpty();
            assertThat(cluster.upsertVacancies(vacancies).rejected()).isEmpty();
            cluster.refresh();
            assertThat(cluster.profileCount()).isEqualTo(profiles.size());
            assertThat(cluster.vacancyCount()).isEqualTo(vacancies.size());

            int nonEmpty = 0;
            for (int q = 0; q < requests; q++) {
                MatchRequest request = world.request();
                if (q % 5 == 0) {
                    request = request.toBuilder().withTotal(true).build();
                }
                Vacancy v = world.pick(vacancies);
                MatchPage page = cluster.candidatesFor(v.id(), request);
                compare("candidates for " + v.id() + " with " + request, page, request,
                        r -> engine.candidatesFor(v.id(), r));
                nonEmpty += page.matches().isEmpty() ? 0 : 1;

                Profile p = world.pick(profiles);
                page = cluster.vacanciesFor(p.id(), request);
                compare("vacancies for " + p.id() + " with " + request, page, request,
                        r -> engine.vacanciesFor(p.id(), r));
                nonEmpty += page.matches().isEmpty() ? 0 : 1;
            }
            assertThat(nonEmpty).as("the random requests must not all be empty").isGreaterThan(requests / 3);

            // records that are not stored rank the same way
            Vacancy v = world.pick(vacancies);
            MatchRequest plain = MatchRequest.builder().k(20).build();
            compare("candidates for an unstored vacancy", cluster.candidatesFor(v, plain), plain,
                    r -> engine.candidatesFor(v, r));
            Profile p = world.pick(profiles);
            compare("vacancies for an unstored profile", cluster.vacanciesFor(p, plain), plain,
                    r -> engine.vacanciesFor(p, r));
        }
    }

    /**
     * The cluster's page against the engine's: the engine's whole ranking (offset 0, every match) is the reference,
     * so that a tie swapped across the page's edge is told from a wrong document.
     */
    private static void compare(String what, MatchPage page, MatchRequest r,
                                java.util.function.Function<MatchRequest, MatchPage> engine) {
        MatchPage want = engine.apply(r);
        List<Match> all = engine.apply(r.toBuilder().offset(0).k(MatchRequest.MAX_K).explain(false).withTotal(false)
                .build()).matches();
        Map<String, Double> scores = new HashMap<>();
        all.forEach(m -> scores.put(m.id(), m.score()));

        assertThat(page.offset()).isEqualTo(r.offset());
        assertThat(page.k()).isEqualTo(r.k());
        assertThat(page.total()).as(what + ": total").isEqualTo(want.total());
        assertThat(page.matches()).as(what).hasSameSizeAs(want.matches());
        for (int i = 0; i < page.matches().size(); i++) {
            Match m = page.matches().get(i);
            Match e = want.matches().get(i);
            // ties within 1e-4 may swap places; the scores at each rank must agree
            assertThat(m.score()).as(what + " rank " + i).isCloseTo(e.score(), within(1e-4));
            assertThat(scores).as(what + ": " + m.id() + " must be a match").containsKey(m.id());
            assertThat(m.score()).as(what + ": exact score of " + m.id()).isCloseTo(scores.get(m.id()), within(1e-12));
            if (m.id().equals(e.id())) {
                assertThat(m.contributions()).as(what + ": contributions").isEqualTo(e.contributions());
            }
            assertThat(m.contributions()).containsOnlyKeys(Component.values());
            if (r.explain()) {
                assertThat(m.explanation()).as(what + ": explanation").isNotNull();
                assertThat(m.explanation().score()).isCloseTo(m.score(), within(1e-9));
                if (m.id().equals(e.id())) {
                    assertThat(m.explanation()).isEqualTo(e.explanation());
                }
            } else {
                assertThat(m.explanation()).isNull();
            }
        }
        assertThat(page.matches().stream().map(Match::id).distinct().count()).isEqualTo(page.matches().size());
    }
}
