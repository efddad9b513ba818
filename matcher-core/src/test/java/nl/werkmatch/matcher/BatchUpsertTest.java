package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Profile;

/**
 * Large batches are validated, prepared and written on several threads; the result must be exactly what writing
 * them one by one gives: every invalid item rejected at its own index, every valid one written, and for an id that
 * occurs twice the later version kept.
 */
class BatchUpsertTest {

    @Test
    void aLargeBatchEndsAsIfWrittenOneByOne() {
        RandomWorld world = new RandomWorld(7);
        List<Profile> batch = new ArrayList<>();
        Set<Integer> invalid = new TreeSet<>();
        for (int i = 0; i < 3000; i++) {
            Profile p = world.profile(i);
            if (i % 97 == 13) {
                p = p.toBuilder().skill("no-such-skill-" + i, Evidence.DECLARED).build();
                invalid.add(i);
            }
            batch.add(p);
        }
        // an id that occurs twice, in different slices of the batch: the later version must win
        Profile first = batch.get(100);
        Profile later = world.profile(2500).toBuilder().id(first.id()).build();
        batch.set(2500, later);

        try (Matcher m = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            BatchResult r = m.upsertProfiles(batch);
            assertThat(r.rejected()).extracting(BatchResult.Rejected::index).containsExactlyElementsOf(invalid);
            assertThat(r.rejected()).allSatisfy(x -> assertThat(x.problems().toString()).contains("unknown skill"));
            assertThat(r.written()).isEqualTo(batch.size() - invalid.size());
            m.refresh();
            // 3000 items, the invalid ones rejected, and one id written twice
            assertThat(m.profileCount()).isEqualTo(batch.size() - invalid.size() - 1);
            assertThat(m.profile(first.id())).contains(later);
            for (int i = 0; i < batch.size(); i += 7) {
                if (!invalid.contains(i) && i != 100) {
                    assertThat(m.profile(batch.get(i).id())).as("item %d", i).contains(batch.get(i));
                }
            }
        }
    }

    @Test
    void duplicatesInsideOneSliceKeepTheBatchOrder() {
        RandomWorld world = new RandomWorld(8);
        List<Profile> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(world.profile(i));
        }
        for (int i = 0; i < 20; i++) {
            // ids 0..19 again, later in the batch, with other content
            batch.add(world.profile(1000 + i).toBuilder().id(batch.get(i).id()).build());
        }
        try (Matcher m = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            assertThat(m.upsertProfiles(batch).written()).isEqualTo(520);
            m.refresh();
            assertThat(m.profileCount()).isEqualTo(500);
            for (int i = 0; i < 20; i++) {
                assertThat(m.profile(batch.get(i).id())).contains(batch.get(500 + i));
            }
        }
    }
}
