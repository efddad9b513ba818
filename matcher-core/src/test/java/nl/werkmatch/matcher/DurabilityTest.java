package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Committed data survives close, reopen and a killed process; deleted data can be erased from disk. */
class DurabilityTest {

    @Test
    void committedDocumentsSurviveCloseAndReopen(@TempDir Path dir) {
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).directory(dir).build()) {
            for (int i = 0; i < 20; i++) {
                m.upsertProfile(ImportUntilKilled.profile(i));
            }
            m.upsertVacancy(nl.werkmatch.matcher.model.Vacancy.builder("v-1")
                    .location(nl.werkmatch.matcher.model.Location.municipality("GM0363"))
                    .skill("s-lassen", nl.werkmatch.matcher.model.Importance.ESSENTIAL).build());
        }
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).directory(dir).build()) {
            assertThat(m.profileCount()).isEqualTo(20);
            assertThat(m.vacancyCount()).isEqualTo(1);
            assertThat(m.profile("p-7")).contains(ImportUntilKilled.profile(7));
            assertThat(m.candidatesFor("v-1", MatchRequest.builder().k(50).build()).matches()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "bulk"})
    void everyCommittedDocumentSurvivesSigkill(String mode, @TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ImportUntilKilled.class.getName(), dir.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastCommitted = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    lastCommitted = Integer.parseInt(line.substring("committed ".length()));
                    if (lastCommitted >= 1500) {
                        child.destroyForcibly();   // SIGKILL: no shutdown hooks, no close
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastCommitted).as("the child reported commits before it was killed").isGreaterThanOrEqualTo(1500);
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).directory(dir).build()) {
            assertThat(m.profileCount()).isGreaterThanOrEqualTo(lastCommitted);
            for (int i = 0; i < lastCommitted; i++) {
                assertThat(m.profile("p-" + i)).as("p-" + i).isPresent();
            }
        }
    }

    @Test
    void purgeRemovesDeletedProfilesFromDisk(@TempDir Path dir) throws IOException {
        String marker = "p-erase-this-person-7f3a9c";
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).directory(dir).build()) {
            for (int i = 0; i < 50; i++) {
                m.upsertProfile(ImportUntilKilled.profile(i));
            }
            m.upsertProfile(ImportUntilKilled.profile(0).toBuilder().id(marker).build());
            m.commit();
            assertThat(filesContaining(dir, marker)).as("the id is on disk before erasure").isNotEmpty();
            assertThat(m.deleteProfile(marker)).isTrue();   // removed, though the upsert was never refreshed into view
            m.refresh();
            m.commit();
            m.purgeDeleted();
            assertThat(m.profile(marker)).isEmpty();
            assertThat(m.profileCount()).isEqualTo(50);
            assertThat(filesContaining(dir, marker)).as("files still holding the erased id").isEmpty();
        }
    }

    @Test
    void anotherTaxonomyFailsClearlyOrRebuildsFromTheStoredDocuments(@TempDir Path dir) {
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).directory(dir).build()) {
            for (int i = 0; i < 30; i++) {
                m.upsertProfile(ImportUntilKilled.profile(i));
            }
        }
        assertThatThrownBy(() -> Matcher.builder().taxonomy(TinyWorld.taxonomy(true)).directory(dir).build())
                .isInstanceOf(TaxonomyMismatchException.class)
                .hasMessageContaining("tiny v1").hasMessageContaining("tiny v2");
        List<String> progress = new ArrayList<>();
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy(true)).directory(dir)
                .onTaxonomyMismatch(TaxonomyMismatch.REBUILD).progress(progress::add).build()) {
            assertThat(m.profileCount()).isEqualTo(30);
            assertThat(m.profile("p-3")).contains(ImportUntilKilled.profile(3));
        }
        assertThat(progress).anyMatch(line -> line.startsWith("Rebuilding profiles"));
        // rebuilt: opens with the new taxonomy without another rebuild
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy(true)).directory(dir).build()) {
            assertThat(m.profileCount()).isEqualTo(30);
        }
    }

    private static List<Path> filesContaining(Path dir, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                    hits.add(f);
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
