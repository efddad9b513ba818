package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/** Erasure over HTTP: after DELETE and POST /admin/purge no file of the data directory holds the record. */
class PurgeTest {

    @Test
    void deleteThenPurgeLeavesNoFileWithTheRecord(@TempDir Path dir) throws Exception {
        String id = "p-erase-this-candidate-41d7e2";
        HttpClient http = HttpClient.newHttpClient();
        try (Matcher matcher = Matcher.open(dir)) {
            SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), matcher.regions()).seed(2).today(LocalDate.now()).build();
            matcher.upsertProfiles(world.profiles(40).toList());
            try (ApiServer server = ApiServer.start(matcher, dir, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    ServerOptions.defaults())) {
                // In one bulk with others, so that the record shares its segment (a segment whose every document is
                // deleted is dropped whole, which would make the delete alone look like an erasure).
                StringBuilder bulk = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    bulk.append(matcher.exchangeFormat().writeProfile(world.profile(100 + i).toBuilder()
                            .id(i == 10 ? id : "p-bulk-" + i).audit(new Audit("F", 1991, "AF")).build())).append('\n');
                }
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(server.uri().resolve("profiles"))
                        .header("Content-Type", "application/x-ndjson").POST(BodyPublishers.ofString(bulk.toString())).build(),
                        BodyHandlers.ofString());
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                assertThat(put.body()).contains("\"imported\":20");
                matcher.commit();
                assertThat(filesContaining(dir, id)).as("the record is on disk before erasure").isNotEmpty();

                assertThat(http.send(HttpRequest.newBuilder(server.uri().resolve("profiles/" + id)).DELETE().build(),
                        BodyHandlers.ofString()).statusCode()).isEqualTo(204);
                matcher.commit();
                assertThat(filesContaining(dir, id)).as("a delete alone leaves the record in the files").isNotEmpty();

                HttpResponse<String> purge = http.send(HttpRequest.newBuilder(server.uri().resolve("admin/purge"))
                        .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
                assertThat(purge.statusCode()).as(purge.body()).isEqualTo(200);
                assertThat(purge.body()).contains("\"purged\":true").contains("\"profiles\":59");
                assertThat(filesContaining(dir, id)).as("files still holding the erased record").isEmpty();

                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(server.uri().resolve("metrics")).build(),
                        BodyHandlers.ofString());
                assertThat(metrics.body()).containsPattern("werkmatch_index_size_bytes [1-9]");
                assertThat(metrics.body()).containsPattern("werkmatch_last_commit_seconds [1-9]");
            }
        }
    }

    static List<Path> filesContaining(Path dir, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (hay[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    hits.add(f);
                    break;
                }
            }
        }
        return hits;
    }
}
