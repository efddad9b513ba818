package nl.werkmatch.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys file on its own: tokens, hashes, reloading, failing closed; and what the request log keeps of a query. */
class ApiKeysTest {

    @Test
    void tokensAreRandomAndOnlyTheirOwnKeyMatches(@TempDir Path tmp) {
        Path file = tmp.resolve("keys.json");
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(ApiKeys.add(file, "k" + i, EnumSet.of(Role.READ), Clock.systemUTC()));
        }
        assertThat(tokens).hasSize(20).allSatisfy(t -> assertThat(t).matches("wm_[A-Za-z0-9_-]{43}"));
        ApiKeys keys = ApiKeys.load(file);
        for (int i = 0; i < 20; i++) {
            String token = ApiKeys.add(tmp.resolve("other.json"), "x" + i, EnumSet.of(Role.READ), Clock.systemUTC());
            assertThat(keys.authenticate(token)).as("a token of another file").isEmpty();
        }
        tokens.forEach(t -> {
            assertThat(keys.authenticate(t)).isPresent();
            assertThat(keys.authenticate(t + "x")).isEmpty();
            assertThat(keys.authenticate(t.substring(0, t.length() - 1))).isEmpty();
        });
    }

    @Test
    void aBrokenFileAcceptsNoKeyUntilItIsFixed(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("keys.json");
        String token = ApiKeys.add(file, "ops", EnumSet.of(Role.ADMIN), Clock.systemUTC());
        String good = Files.readString(file);
        ApiKeys keys = ApiKeys.load(file);
        assertThat(keys.authenticate(token)).isPresent();
        assertThat(keys.reloadIfChanged()).isFalse();

        Files.writeString(file, good.substring(0, good.length() / 2));
        assertThat(keys.reloadIfChanged()).isTrue();
        assertThat(keys.authenticate(token)).as("fail closed").isEmpty();

        Files.writeString(file, good);
        assertThat(keys.reloadIfChanged()).isTrue();
        assertThat(keys.authenticate(token)).isPresent();

        Files.delete(file);
        keys.reloadIfChanged();
        assertThat(keys.authenticate(token)).as("a deleted file accepts nothing").isEmpty();
        assertThatThrownBy(() -> ApiKeys.load(file)).hasMessageContaining("no keys file at");
    }

    @Test
    void theLogKeepsOnlyNumbersAndBooleansOfAQuery() {
        assertThat(Front.loggableQuery(null)).isEmpty();
        assertThat(Front.loggableQuery("k=10&offset=20&withinKm=12.5&explain=true&ignoreTravelLimit=FALSE"))
                .isEqualTo("?k=10&offset=20&withinKm=12.5&explain=true&ignoreTravelLimit=false");
        assertThat(Front.loggableQuery("q=lassen&region=Groot%20Amsterdam&jobType=STAGE"))
                .isEqualTo("?q=*&region=*&jobType=*");
        assertThat(Front.loggableQuery("p-123=1&k=3")).isEqualTo("?*=1&k=3");
        assertThat(Front.loggableQuery("explain")).isEqualTo("?explain=");
    }
}
