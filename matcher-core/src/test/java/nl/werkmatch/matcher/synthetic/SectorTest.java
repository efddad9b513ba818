package nl.werkmatch.matcher.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectorTest {
    @Test
    void iscoCodesMapToSectors() {
        assertThat(Sector.of(null, "5322")).isEqualTo(Sector.CARE);          // home-based personal care worker
        assertThat(Sector.of(null, "2221")).isEqualTo(Sector.CARE);          // nurse
        assertThat(Sector.of(null, "5311")).isEqualTo(Sector.CHILDCARE_EDUCATION);
        assertThat(Sector.of(null, "9112")).isEqualTo(Sector.CLEANING);
        assertThat(Sector.of(null, "8322")).isEqualTo(Sector.LOGISTICS);
        assertThat(Sector.of(null, "4321")).isEqualTo(Sector.LOGISTICS);     // stock clerk
        assertThat(Sector.of(null, "5120")).isEqualTo(Sector.HOSPITALITY);
        assertThat(Sector.of(null, "7112")).isEqualTo(Sector.CONSTRUCTION_TECH);
        assertThat(Sector.of(null, "8160")).isEqualTo(Sector.PRODUCTION);
        assertThat(Sector.of(null, "2512")).isEqualTo(Sector.ICT);
        assertThat(Sector.of(null, "6111")).isEqualTo(Sector.AGRICULTURE);
        assertThat(Sector.of(null, "5223")).isEqualTo(Sector.RETAIL);
        assertThat(Sector.of(null, "2411")).isEqualTo(Sector.OFFICE);
        assertThat(Sector.of(null, null)).isEqualTo(Sector.OFFICE);
    }

    @Test
    void aSectorSlugWinsOverTheIscoCode() {
        assertThat(Sector.of("zorg-en-welzijn", "9112")).isEqualTo(Sector.CARE);
        assertThat(Sector.of("kinderopvang", "5322")).isEqualTo(Sector.CHILDCARE_EDUCATION);
        assertThat(Sector.of("Logistiek", null)).isEqualTo(Sector.LOGISTICS);
        assertThat(Sector.of("ict", null)).isEqualTo(Sector.ICT);
        assertThat(Sector.of("uiterlijke-verzorging", "5141")).isEqualTo(Sector.RETAIL);
        // An unknown slug falls back to ISCO.
        assertThat(Sector.of("overig", "9112")).isEqualTo(Sector.CLEANING);
    }

    @Test
    void careAsksMoreDutchThanCleaning() {
        Rng rng = Rng.of(1, 2, 3);
        double care = 0;
        double cleaning = 0;
        for (int i = 0; i < 2_000; i++) {
            care += Sector.CARE.speaking().draw(rng).rank();
            cleaning += Sector.CLEANING.speaking().draw(rng).rank();
        }
        assertThat(care / 2_000).isGreaterThan(cleaning / 2_000 + 1.5);
    }
}
