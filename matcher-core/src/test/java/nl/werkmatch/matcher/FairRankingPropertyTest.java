package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.audit.Fairness;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * FA*IR on random worlds: every prefix of the fair ranking holds at least min(m(i), protected available) protected
 * candidates, with m(i) computed here from the binomial terms; both groups keep their score order; a protected
 * candidate is ahead of a better one only where the table asked for it; the page is a slice of the fair ranking;
 * and with share 0 the page is the plain page.
 */
class FairRankingPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void everyPrefixMeetsTheTableAndGroupsKeepTheirOrder(long seed) {
        RandomWorld world = new RandomWorld(seed);
        Random rnd = new Random(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            Map<String, String> gender = new HashMap<>();
            List<Profile> profiles = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String g = rnd.nextInt(10) < 3 ? "F" : rnd.nextInt(10) == 0 ? null : "M";
                Profile p = world.profile(i).toBuilder().audit(new Audit(g, 1990, "SY")).build();
                gender.put(p.id(), g);
                profiles.add(p);
            }
            List<Vacancy> vacancies = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                vacancies.add(world.vacancy(i));
            }
            matcher.upsertProfiles(profiles);
            matcher.upsertVacancies(vacancies);
            matcher.refresh();

            double[] shares = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 1};
            double[] alphas = {0.05, 0.1, 0.25};
            int checked = 0;
            int movedUp = 0;
            for (int q = 0; q < 60; q++) {
                MatchRequest request = world.request();
                Fairness fairness = new Fairness(Fairness.Attribute.GENDER, rnd.nextBoolean() ? "F" : "f",
                        shares[rnd.nextInt(shares.length)], alphas[rnd.nextInt(alphas.length)]);
                Vacancy record = world.pick(vacancies);
                String vacancy = record.id();
                List<Match> plainAll = matcher.candidatesFor(vacancy, request.toBuilder().offset(0).k(1000).build()).matches();
                int need = request.offset() + request.k();
                MatchPage page = matcher.candidatesFor(vacancy, request.toBuilder().fairness(fairness).build());
                List<Match> fair = matcher.candidatesFor(vacancy, request.toBuilder().offset(0).k(need).fairness(fairness)
                        .build()).matches();
                MatchPage plainPage = matcher.candidatesFor(vacancy, request);
                if (q % 5 == 0) {
                    // the constraint reorders the candidates, it does not change how many there are
                    assertThat(matcher.candidatesFor(vacancy, request.toBuilder().fairness(fairness).withTotal(true)
                            .build()).total()).isEqualTo(matcher.candidatesFor(vacancy,
                            request.toBuilder().withTotal(true).build()).total()).isPresent();
                    assertThat(page.total()).isEmpty();
                }
                if (q % 10 == 0) {
                    // a vacancy that is not stored gets the same fair page
                    assertThat(matcher.candidatesFor(record, request.toBuilder().fairness(fairness).build()).matches())
                            .isEqualTo(page.matches());
                }

                assertThat(fair).hasSize(Math.min(need, plainAll.size()));
                assertThat(page.matches()).extracting(Match::id)
                        .containsExactlyElementsOf(fair.subList(Math.min(request.offset(), fair.size()), fair.size())
                                .stream().map(Match::id).toList());
                Map<String, Integer> plainRank = new HashMap<>();
                int available = 0;
                for (int i = 0; i < plainAll.size(); i++) {
                    plainRank.put(plainAll.get(i).id(), i);
                    available += "F".equals(gender.get(plainAll.get(i).id())) ? 1 : 0;
                }
                int[] m = table(need, fairness.share(), fairness.alpha());
                int placed = 0;
                int lastProtected = -1;
                int lastOther = -1;
                for (int i = 0; i < fair.size(); i++) {
                    Match match = fair.get(i);
                    Integer rank = plainRank.get(match.id());
                    assertThat(rank).as("a fair match is a plain match").isNotNull();
                    assertThat(match.score()).isEqualTo(plainAll.get(rank).score());
                    boolean isProtected = "F".equals(gender.get(match.id()));
                    if (isProtected) {
                        assertThat(rank).as("protected in score order").isGreaterThan(lastProtected);
                        lastProtected = rank;
                        placed++;
                    } else {
                        assertThat(rank).as("others in score order").isGreaterThan(lastOther);
                        lastOther = rank;
                    }
                    assertThat(placed).as("prefix %d of %s", i + 1, fairness).isGreaterThanOrEqualTo(Math.min(m[i + 1], available));
                    boolean ahead = false;
                    for (int j = i + 1; j < fair.size(); j++) {
                        ahead |= plainRank.get(fair.get(j).id()) < rank;
                    }
                    if (ahead) {
                        // placed before a better candidate: only a protected one, and only where the table needs it
                        assertThat(isProtected).as("only protected candidates move up").isTrue();
                        assertThat(placed - 1).isLessThan(m[i + 1]);
                    }
                    assertThat(match.movedUpByFairness()).isEqualTo(i < rank);
                    movedUp += i < rank ? 1 : 0;
                }
                if (fairness.share() == 0) {
                    assertThat(page.matches()).extracting(Match::id).containsExactlyElementsOf(
                            plainPage.matches().stream().map(Match::id).toList());
                    assertThat(page.matches()).extracting(Match::score).containsExactlyElementsOf(
                            plainPage.matches().stream().map(Match::score).toList());
                    assertThat(page.matches()).allMatch(x -> !x.movedUpByFairness());
                }
                assertThat(plainPage.matches()).allMatch(x -> x.movedUpByFairness() == null);
                checked += fair.isEmpty() ? 0 : 1;
            }
            assertThat(checked).isGreaterThan(20);
            assertThat(movedUp).as("the constraint moves someone up somewhere").isPositive();
        }
    }

    @Test
    void badConstraintsNameTheirField() {
        assertThatThrownBy(() -> new Fairness(Fairness.Attribute.GENDER, "F", 1.5, 0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fairness.share");
        assertThatThrownBy(() -> new Fairness(Fairness.Attribute.GENDER, "F", 0.5, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fairness.alpha");
        assertThatThrownBy(() -> new Fairness(null, " ", 0.5, 0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fairness.attribute")
                .hasMessageContaining("fairness.value");
        assertThatThrownBy(() -> new Fairness(Fairness.Attribute.AGE_BAND, "30-40", 0.5, 0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an age band");
        try (Matcher matcher = Matcher.inMemory()) {
            MatchRequest r = MatchRequest.builder().fairness(new Fairness(Fairness.Attribute.GENDER, "F", 0.5, 0.1)).build();
            assertThatThrownBy(() -> matcher.vacanciesFor("p-1", r)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("candidate pages only");
        }
    }

    /** m(i) = the smallest m with sum_{j <= m} C(i, j) p^j (1-p)^(i-j) >= alpha, by summing the terms. */
    private static int[] table(int n, double p, double alpha) {
        int[] m = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            double cdf = 0;
            int x = 0;
            while (true) {
                cdf += binomial(i, x) * Math.pow(p, x) * Math.pow(1 - p, i - x);
                if (cdf >= alpha - 1e-12 || x == i) {
                    break;
                }
                x++;
            }
            m[i] = x;
        }
        return m;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int j = 1; j <= k; j++) {
            r = r * (n - k + j) / j;
        }
        return r;
    }
}
