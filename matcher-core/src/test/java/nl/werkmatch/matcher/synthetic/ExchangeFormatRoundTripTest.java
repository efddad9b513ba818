package nl.werkmatch.matcher.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.json.ExchangeFormat;

/** Every generated object passes the exchange format's validation and survives a write-read round trip. */
class ExchangeFormatRoundTripTest {
    @Test
    void generatedObjectsAreValidExchangeFormat() {
        Regions regions = Regions.netherlands();
        ExchangeFormat format = ExchangeFormat.create(regions);
        SyntheticWorld world = SyntheticWorld.builder(TinyTaxonomy.build(), regions).seed(99).today(LocalDate.of(2026, 11, 1)).build();
        // readProfile throws InvalidInputException, listing every problem with its path, on anything invalid.
        world.profiles(2_000).forEach(p -> assertThat(format.readProfile(format.writeProfile(p))).isEqualTo(p));
        world.vacancies(2_000).forEach(v -> assertThat(format.readVacancy(format.writeVacancy(v))).isEqualTo(v));
    }
}
