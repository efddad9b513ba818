package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.werkmatch.matcher.audit.Fairness;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.opensearch.ClusterException;
import nl.werkmatch.opensearch.ClusterMatcher;
import nl.werkmatch.opensearch.LocalCluster;

/** Writes, deletes, erasure, refused items, index fingerprints and fairness pages of the cluster backend. */
class ClusterLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ClusterMatcher cluster(RandomWorld world, String prefix) {
        return ClusterMatcher.builder(LocalCluster.url()).taxonomy(world.taxonomy).clock(TinyWorld.CLOCK)
                .indexPrefix(prefix + "-" + System.nanoTime()).build();
    }

    @Test
    void aDeletedProfileIsGoneFromResultsAfterTheRefreshAndPurgedFromTheSegments() throws Exception {
        RandomWorld world = new RandomWorld(11);
        List<Profile> profiles = world.profiles(80);
        List<Vacancy> vacancies = world.vacancies(40);
        try (ClusterMatcher cluster = cluster(world, "erase")) {
            assertThat(cluster.upsertProfiles(profiles).written()).isEqualTo(80);
            assertThat(cluster.upsertVacancies(vacancies).written()).isEqualTo(40);
            cluster.refresh();
            MatchRequest all = MatchRequest.builder().k(100).minSkillFit(0.0).build();
            Vacancy v = vacancies.stream().filter(x -> cluster.candidatesFor(x.id(), all).matches().size() >= 3)
                    .findFirst().orElseThrow();
            List<Match> before = cluster.candidatesFor(v.id(), all).matches();
            String gone = before.get(0).id();

            assertThat(cluster.deleteProfile(gone)).isTrue();
            assertThat(cluster.deleteProfile(gone)).as("a second delete removes nothing").isFalse();
            assertThat(cluster.deleteProfiles(List.of(before.get(1).id(), before.get(2).id(), "no-such-profile")))
                    .isEqualTo(2);
            cluster.refresh();
            List<String> after = cluster.candidatesFor(v.id(), all).matches().stream().map(Match::id).toList();
            assertThat(after).doesNotContain(gone, before.get(1).id(), before.get(2).id()).hasSize(before.size() - 3);
            assertThat(cluster.profile(gone)).isEmpty();
            assertThat(cluster.profileCount()).isEqualTo(77);
            assertThatThrownBy(() -> cluster.vacanciesFor(gone, all)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(gone);

            cluster.purgeDeleted();
            cluster.refresh();
            String index = cluster.url() + cluster.profilesIndex();
            JsonNode stats = get(index + "/_stats/docs");
            assertThat(stats.path("_all").path("total").path("docs").path("deleted").asLong())
                    .as("deleted documents left in the segments, primaries and replicas").isZero();
        }
    }

    @Test
    void aBatchWritesTheValidRecordsAndReportsInvalidAndRefusedOnesByPosition() throws Exception {
        RandomWorld world = new RandomWorld(12);
        try (ClusterMatcher cluster = cluster(world, "batch")) {
            List<Profile> batch = new ArrayList<>(world.profiles(5));
            batch.set(2, batch.get(2).toBuilder().skill("no-such-skill", nl.werkmatch.matcher.model.Evidence.DECLARED)
                    .build());
            BatchResult result = cluster.upsertProfiles(batch);
            assertThat(result.written()).isEqualTo(4);
            assertThat(result.rejected()).singleElement().satisfies(r -> {
                assertThat(r.index()).isEqualTo(2);
                assertThat(r.problems().toString()).contains("no-such-skill");
            });

            // an index that refuses writes: every item of the bulk request comes back refused, by position
            String index = cluster.url() + cluster.profilesIndex();
            put(index + "/_settings", "{\"index.blocks.write\": true}");
            try {
                BatchResult refused = cluster.upsertProfiles(world.profiles(3));
                assertThat(refused.written()).isZero();
                assertThat(refused.rejected()).extracting(BatchResult.Rejected::index).containsExactly(0, 1, 2);
                assertThat(refused.rejected().get(0).problems().get(0).message()).startsWith("OpenSearch refused it: ")
                        .contains("block");
            } finally {
                put(index + "/_settings", "{\"index.blocks.write\": false}");
            }
            cluster.refresh();
            assertThat(cluster.profileCount()).isEqualTo(4);
        }
    }

    @Test
    void indexesBuiltWithAnotherTaxonomyAreRefusedWithBothNamed() {
        String prefix = "fingerprint-" + System.nanoTime();
        ClusterMatcher.builder(LocalCluster.url()).taxonomy(TinyWorld.taxonomy(false)).indexPrefix(prefix).build()
                .close();
        // the same taxonomy opens them again
        ClusterMatcher.builder(LocalCluster.url()).taxonomy(TinyWorld.taxonomy(false)).indexPrefix(prefix).build()
                .close();
        assertThatThrownBy(() -> ClusterMatcher.builder(LocalCluster.url()).taxonomy(TinyWorld.taxonomy(true))
                .indexPrefix(prefix).build())
                .isInstanceOf(TaxonomyMismatchException.class)
                .hasMessageContaining("tiny v1").hasMessageContaining("tiny v2").hasMessageContaining(prefix);
    }

    @Test
    void anUnreachableClusterIsNamedInTheError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> ClusterMatcher.builder(url).build()).isInstanceOf(ClusterException.class)
                .hasMessageContaining("cannot reach OpenSearch at " + url);
        assertThatThrownBy(() -> ClusterMatcher.builder(URI.create("ftp://x")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("url");
    }

    @Test
    void fairCandidatePagesEqualTheEmbeddedEnginesAndUnknownIdsAreNotFound() {
        RandomWorld world = new RandomWorld(13);
        List<Profile> profiles = world.profiles(150);
        List<Vacancy> vacancies = world.vacancies(30);
        try (Matcher engine = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build();
             ClusterMatcher cluster = cluster(world, "fair")) {
            RandomWorld.load(engine, profiles, vacancies);
            cluster.upsertProfiles(profiles);
            cluster.upsertVacancies(vacancies);
            cluster.refresh();
            int compared = 0;
            for (Vacancy v : vacancies) {
                MatchRequest r = MatchRequest.builder().k(8).minSkillFit(0.0)
                        .fairness(new Fairness(Fairness.Attribute.GENDER, "F", 0.5, 0.1)).build();
                List<Match> want = engine.candidatesFor(v.id(), r).matches();
                List<Match> got = cluster.candidatesFor(v.id(), r).matches();
                assertThat(got).extracting(Match::score).as(v.id())
                        .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-4 ? 0 : Double.compare(a, b))
                        .isEqualTo(want.stream().map(Match::score).toList());
                assertThat(got).extracting(Match::movedUpByFairness).doesNotContainNull();
                compared += want.isEmpty() ? 0 : 1;
            }
            assertThat(compared).isGreaterThan(5);
            assertThatThrownBy(() -> cluster.candidatesFor("no-such-vacancy", MatchRequest.DEFAULT))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-vacancy");
            assertThatThrownBy(() -> cluster.vacanciesFor(profiles.get(0).id(), MatchRequest.builder()
                    .fairness(new Fairness(Fairness.Attribute.GENDER, "F", 0.5, 0.1)).build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("fairness");
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void put(String url, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    }
}
