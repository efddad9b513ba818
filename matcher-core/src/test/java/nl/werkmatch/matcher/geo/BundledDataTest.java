package nl.werkmatch.matcher.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled resources are exact copies of the shared reference data they were taken from. */
class BundledDataTest {

    @ParameterizedTest
    @ValueSource(strings = {Regions.MUNICIPALITIES_FILE, Regions.POSTCODES_FILE})
    void bundledFileEqualsTheSharedFile(String file) throws IOException {
        String location = System.getProperty("werkmatch.shared.data", "");
        Path shared = Path.of(location, "nl-regions", file);
        Assumptions.assumeTrue(!location.isEmpty() && Files.isRegularFile(shared),
                "shared data not found at " + shared + ": skipping");
        byte[] bundled;
        try (InputStream in = Regions.class.getResourceAsStream(file)) {
            assertThat(in).as("bundled " + file).isNotNull();
            bundled = in.readAllBytes();
        }
        assertThat(bundled).isEqualTo(Files.readAllBytes(shared));
    }
}
