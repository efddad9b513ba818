package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * {@link Matcher#compact()}: each index ends in one segment on disk, every record and every page stays as it was,
 * deleted records are gone from disk, and the directory opens again the same.
 */
class CompactTest {

    @Test
    void oneSegmentPerIndexAndTheSamePages(@TempDir Path dir) throws IOException {
        RandomWorld world = new RandomWorld(71);
        List<Vacancy> vacancies = new ArrayList<>();
        List<List<String>> before = new ArrayList<>();
        MatchRequest request = MatchRequest.builder().k(15).build();
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).directory(dir).build()) {
            for (int batch = 0; batch < 6; batch++) {   // a commit per batch: several segments
                List<Profile> profiles = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    profiles.add(world.profile(batch * 60 + i));
                }
                assertThat(matcher.upsertProfiles(profiles).rejected()).isEmpty();
                vacancies.add(world.vacancy(batch));
                vacancies.add(world.vacancy(batch + 6));
                assertThat(matcher.upsertVacancies(vacancies.subList(vacancies.size() - 2, vacancies.size())).rejected())
                        .isEmpty();
                matcher.commit();
                matcher.refresh();
            }
            assertThat(matcher.deleteProfile(world.profile(3).id())).isTrue();
            matcher.commit();
            matcher.refresh();
            assertThat(segments(dir.resolve("profiles"))).as("several segments before").isGreaterThan(1);
            for (Vacancy v : vacancies) {
                before.add(ids(matcher.candidatesFor(v.id(), request)));
            }

            matcher.compact();

            assertThat(segments(dir.resolve("profiles"))).isEqualTo(1);
            assertThat(segments(dir.resolve("vacancies"))).isEqualTo(1);
            assertThat(matcher.profileCount()).isEqualTo(359);
            assertThat(matcher.profile(world.profile(3).id())).isEmpty();
            for (int i = 0; i < vacancies.size(); i++) {
                assertThat(ids(matcher.candidatesFor(vacancies.get(i).id(), request))).isEqualTo(before.get(i));
            }
        }
        try (Matcher reopened = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).directory(dir).build()) {
            assertThat(reopened.profileCount()).isEqualTo(359);
            for (int i = 0; i < vacancies.size(); i++) {
                assertThat(ids(reopened.candidatesFor(vacancies.get(i).id(), request))).isEqualTo(before.get(i));
            }
        }
        try (var profiles = FSDirectory.open(dir.resolve("profiles")); var reader = DirectoryReader.open(profiles)) {
            assertThat(reader.numDeletedDocs()).as("the deleted profile is gone from disk").isZero();
        }
    }

    private static int segments(Path index) throws IOException {
        try (var directory = FSDirectory.open(index); var reader = DirectoryReader.open(directory)) {
            return reader.leaves().size();
        }
    }

    private static List<String> ids(MatchPage page) {
        return page.matches().stream().map(Match::id).toList();
    }

    @Test
    void aBulkLoadHoldsBackMergesCompactsInsideAndEndsCleanly(@TempDir Path dir) throws IOException {
        RandomWorld world = new RandomWorld(72);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).directory(dir).build()) {
            BulkLoad load = matcher.bulkLoad();
            for (int batch = 0; batch < 8; batch++) {
                List<Profile> profiles = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    profiles.add(world.profile(batch * 40 + i));
                }
                assertThat(matcher.upsertProfiles(profiles).rejected()).isEmpty();
                matcher.commit();
            }
            matcher.refresh();
            assertThat(matcher.profileCount()).isEqualTo(320);
            matcher.compact();
            assertThat(segments(dir.resolve("profiles"))).isEqualTo(1);
            load.close();
            load.close();   // a second close does nothing
            BulkLoad left = matcher.bulkLoad();
            matcher.upsertProfile(world.profile(400));
            matcher.close();
            left.close();   // after the matcher closed: nothing to do, no error
        }
        try (Matcher again = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).directory(dir).build()) {
            assertThat(again.profileCount()).isEqualTo(321);
        }
    }
}
