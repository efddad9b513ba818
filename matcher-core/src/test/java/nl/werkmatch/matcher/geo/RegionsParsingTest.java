package nl.werkmatch.matcher.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class RegionsParsingTest {
    private static final String MUNICIPALITIES = """
            code,name,labour_market_region,latitude,longitude
            GM0363,Amsterdam,Groot Amsterdam,52.36765,4.90017
            GM0599,Rotterdam,Rijnmond,51.92271,4.47916
            """;
    private static final String POSTCODES = """
            pc4,place,latitude,longitude
            1011,Amsterdam,52.3710,4.9041
            3011,Rotterdam,51.9225,4.4792
            """;

    private static Regions parse(String municipalities, String postcodes) throws IOException {
        return Regions.parse(new StringReader(municipalities), new StringReader(postcodes));
    }

    @Test
    void parsesWellFormedData() throws IOException {
        Regions regions = parse(MUNICIPALITIES, POSTCODES + "\n");
        assertThat(regions.municipalities()).extracting(Municipality::name).containsExactly("Amsterdam", "Rotterdam");
        assertThat(regions.labourMarketRegions()).extracting(LabourMarketRegion::name)
                .containsExactly("Groot Amsterdam", "Rijnmond");
        assertThat(regions.postcode("3011")).map(p -> p.municipality().code()).contains("GM0599");
    }

    @Test
    void acceptsQuotedFields() throws IOException {
        Regions regions = parse(MUNICIPALITIES + "GM0820,\"Nuenen, Gerwen en Nederwetten\",Zuidoost-Brabant,51.47,5.55\n",
                POSTCODES);
        assertThat(regions.municipality("GM0820")).map(Municipality::name).contains("Nuenen, Gerwen en Nederwetten");
    }

    @Test
    void badNumberNamesTheLine() {
        String bad = MUNICIPALITIES + "GM0014,Groningen,Groningen,53.2x,6.56\n";
        assertThatThrownBy(() -> parse(bad, POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("municipalities.csv row 4")
                .hasMessageContaining("GM0014,Groningen,Groningen,53.2x,6.56");
    }

    @Test
    void missingColumnIsMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES + "GM0014,Groningen,53.2,6.56\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 4")
                .hasMessageContaining("expected 5 columns, found 4");
    }

    @Test
    void wrongHeaderIsMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES.replace("labour_market_region", "region"), POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("expected the header");
    }

    @Test
    void badCodeIsMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES + "G0014,Groningen,Groningen,53.2,6.56\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 4")
                .hasMessageContaining("G0014");
    }

    @Test
    void duplicateCodeIsMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES + "GM0363,Amsterdam 2,Groot Amsterdam,52.3,4.9\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already in row 2");
    }

    @Test
    void duplicateNameIsMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES + "GM0001,AMSTERDAM,Groot Amsterdam,52.3,4.9\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same name");
    }

    @Test
    void regionSpelledTwoWaysIsMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES + "GM0362,Amstelveen,Groot-Amsterdam,52.3,4.84\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spelled two ways");
    }

    @Test
    void pointOutsideTheNetherlandsIsMalformed() {
        // Latitude and longitude swapped.
        assertThatThrownBy(() -> parse(MUNICIPALITIES + "GM0014,Groningen,Groningen,6.56,53.2\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 4")
                .hasMessageContaining("outside the Netherlands");
    }

    @Test
    void badPostcodeRowsAreMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES, POSTCODES + "301,Rotterdam,51.9,4.4\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pc4.csv row 4")
                .hasMessageContaining("not a four-digit postcode");
        assertThatThrownBy(() -> parse(MUNICIPALITIES, POSTCODES + "3011,Rotterdam,51.9,4.4\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already in row 3");
        assertThatThrownBy(() -> parse(MUNICIPALITIES, POSTCODES + "3012,,51.9,4.4\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no place name");
    }

    @Test
    void brokenQuotingIsMalformed() {
        assertThatThrownBy(() -> parse(MUNICIPALITIES + "GM0014,\"Groningen,Groningen,53.2,6.56\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("municipalities.csv");
    }

    @Test
    void emptyFileIsMalformed() {
        assertThatThrownBy(() -> parse("", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("municipalities.csv is empty");
        assertThatThrownBy(() -> parse("code,name,labour_market_region,latitude,longitude\n", POSTCODES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no municipalities");
    }
}
