package nl.werkmatch.matcher.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** {@link IdIndex} against a {@code HashMap}: every id found at its index, every other string not found. */
class IdIndexTest {
    @Test
    void agreesWithAHashMapOnEscoLikeIds() {
        Random random = new Random(5);
        for (int n : new int[] {0, 1, 2, 3, 17, 1000, 14_536}) {
            List<String> ids = new ArrayList<>();
            Map<String, Integer> reference = new HashMap<>();
            while (ids.size() < n) {
                String id = "http://data.europa.eu/esco/skill/" + new UUID(random.nextLong(), random.nextLong());
                if (reference.putIfAbsent(id, ids.size()) == null) {
                    ids.add(id);
                }
            }
            IdIndex index = new IdIndex(ids.toArray(String[]::new));
            for (int i = 0; i < n; i++) {
                assertThat(index.indexOf(new String(ids.get(i)))).isEqualTo(i);   // an equal, not the same, string
            }
            for (int i = 0; i < 2_000; i++) {
                String other = "http://data.europa.eu/esco/skill/" + new UUID(random.nextLong(), random.nextLong());
                assertThat(index.indexOf(other)).isEqualTo(reference.getOrDefault(other, -1));
            }
            assertThat(index.indexOf("")).isEqualTo(-1);
        }
    }

    @Test
    void equalHashesAreToldApart() {
        // "Aa" and "BB" have the same String hash, and so does every string of n such pairs
        List<String> ids = new ArrayList<>();
        for (int mask = 0; mask < 64; mask++) {
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < 6; bit++) {
                b.append((mask >> bit & 1) == 0 ? "Aa" : "BB");
            }
            ids.add(b.toString());
        }
        assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
        List<String> known = ids.subList(0, 40);
        IdIndex index = new IdIndex(known.toArray(String[]::new));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(index.indexOf(ids.get(i))).as(ids.get(i)).isEqualTo(i < 40 ? i : -1);
        }
    }

    @Test
    void refusesDuplicates() {
        assertThatThrownBy(() -> new IdIndex(new String[] {"a", "b", "a"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate id a");
    }
}
