package nl.werkmatch.matcher.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Location;

class RegionsTest {
    private static final Regions NL = Regions.netherlands();

    private static Municipality named(String name) {
        return NL.municipalityByName(name).orElseThrow();
    }

    @Test
    void loadsOnceAndShares() {
        assertThat(Regions.netherlands()).isSameAs(NL);
    }

    @Test
    void has342MunicipalitiesWithUniqueCodesSortedByCode() {
        List<Municipality> all = NL.municipalities();
        assertThat(all).hasSize(342);
        assertThat(all).extracting(Municipality::code).doesNotHaveDuplicates().isSorted()
                .allMatch(code -> code.matches("GM\\d{4}"));
    }

    @Test
    void has35RegionsSortedByName() {
        List<LabourMarketRegion> regions = NL.labourMarketRegions();
        assertThat(regions).hasSize(35).doesNotHaveDuplicates();
        assertThat(regions).extracting(LabourMarketRegion::name).isSorted();
    }

    @Test
    void everyMunicipalityIsInExactlyOneRegion() {
        Set<Municipality> seen = new HashSet<>();
        for (LabourMarketRegion region : NL.labourMarketRegions()) {
            List<Municipality> members = NL.municipalitiesIn(region);
            assertThat(members).as(region.name()).isNotEmpty().allMatch(m -> m.region().equals(region));
            for (Municipality m : members) {
                assertThat(seen.add(m)).as(m.code() + " in two regions").isTrue();
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(NL.municipalities());
        assertThat(NL.municipalitiesIn(new LabourMarketRegion("Atlantis"))).isEmpty();
    }

    @Test
    void amsterdamIsInGrootAmsterdam() {
        Municipality amsterdam = NL.municipality("GM0363").orElseThrow();
        assertThat(amsterdam.name()).isEqualTo("Amsterdam");
        assertThat(amsterdam.region()).isEqualTo(new LabourMarketRegion("Groot Amsterdam"));
        assertThat(NL.municipalitiesIn(amsterdam.region())).contains(amsterdam);
    }

    @Test
    void codeLookUpIgnoresCaseAndWhitespace() {
        assertThat(NL.municipality(" gm0363\t")).map(Municipality::name).contains("Amsterdam");
        assertThat(NL.municipality("GM9999")).isEmpty();
        assertThat(NL.municipality("0363")).isEmpty();
        assertThat(NL.municipality("")).isEmpty();
    }

    @Test
    void distancesBetweenCentres() {
        GeoPoint amsterdam = named("Amsterdam").point();
        GeoPoint rotterdam = named("Rotterdam").point();
        assertThat(amsterdam.distanceKm(rotterdam)).isCloseTo(57, within(3.0));
        assertThat(rotterdam.distanceKm(amsterdam)).isEqualTo(amsterdam.distanceKm(rotterdam));
        assertThat(amsterdam.distanceKm(amsterdam)).isZero();
    }

    @Test
    void postcodeResolvesToEindhoven() {
        Postcode pc = NL.postcode("5611").orElseThrow();
        Municipality eindhoven = named("Eindhoven");
        assertThat(pc.pc4()).isEqualTo("5611");
        assertThat(pc.place()).isEqualTo("Eindhoven");
        assertThat(pc.municipality()).isEqualTo(eindhoven);
        assertThat(pc.point().distanceKm(eindhoven.point())).isLessThan(3);
    }

    @Test
    void postcodeAcceptsTheFullDutchForm() {
        Postcode pc = NL.postcode("5611").orElseThrow();
        assertThat(NL.postcode("5611 AB")).contains(pc);
        assertThat(NL.postcode("5611AB")).contains(pc);
        assertThat(NL.postcode(" 5611 ab ")).contains(pc);
    }

    @Test
    void unknownOrMalformedPostcodesAreEmpty() {
        assertThat(NL.postcode("0000")).isEmpty();
        assertThat(NL.postcode("561")).isEmpty();
        assertThat(NL.postcode("56111")).isEmpty();
        assertThat(NL.postcode("5611 A")).isEmpty();
        assertThat(NL.postcode("5611 ABC")).isEmpty();
        assertThat(NL.postcode("")).isEmpty();
    }

    @Test
    void postcodeInABigCityIsInThatCityNotTheNearestNeighboursCentre() {
        // Amsterdam-Noord is nearer Landsmeer's centre than Amsterdam's; the place name decides.
        Postcode noord = NL.postcode("1025").orElseThrow();
        assertThat(noord.place()).isEqualTo("Amsterdam");
        assertThat(NL.nearestMunicipality(noord.point()).name()).isEqualTo("Landsmeer");
        assertThat(noord.municipality().name()).isEqualTo("Amsterdam");
        assertThat(noord.municipality().region().name()).isEqualTo("Groot Amsterdam");
    }

    @Test
    void aFarAwayVillageNamedLikeAMunicipalityGoesToTheNearest() {
        // Hoorn on Terschelling is not the municipality Hoorn in Noord-Holland.
        Postcode terschelling = NL.postcode("8896").orElseThrow();
        assertThat(terschelling.place()).isEqualTo("Hoorn");
        assertThat(terschelling.municipality().name()).isEqualTo("Terschelling");
    }

    @Test
    void everyPostcodeHasAMunicipalityNearby() {
        int[] checked = {0};
        for (int pc = 1000; pc <= 9999; pc++) {
            NL.postcode(Integer.toString(pc)).ifPresent(p -> {
                checked[0]++;
                assertThat(p.point().distanceKm(p.municipality().point())).as(p.pc4()).isLessThan(25);
            });
        }
        assertThat(checked[0]).isEqualTo(4064);
    }

    @Test
    void nameLookUpIgnoresCaseDiacriticsAndPunctuation() {
        assertThat(NL.municipalityByName("AMSTERDAM")).map(Municipality::code).contains("GM0363");
        // The data calls The Hague "Den Haag".
        assertThat(NL.municipality("GM0518")).map(Municipality::name).contains("Den Haag");
        assertThat(NL.municipalityByName("den haag")).map(Municipality::code).contains("GM0518");
        assertThat(NL.municipalityByName("  Den   HAAG ")).map(Municipality::code).contains("GM0518");
        assertThat(NL.municipality("GM1900")).map(Municipality::name).contains("Súdwest-Fryslân");
        assertThat(NL.municipalityByName("sudwest fryslan")).map(Municipality::code).contains("GM1900");
        assertThat(NL.municipalityByName("SÚDWEST-FRYSLÂN")).map(Municipality::code).contains("GM1900");
        assertThat(NL.municipalityByName("Nuenen c.a.")).map(Municipality::code).contains("GM0820");
        assertThat(NL.municipalityByName("nuenen ca")).map(Municipality::code).contains("GM0820");
        assertThat(NL.municipalityByName("Atlantis")).isEmpty();
        assertThat(NL.municipalityByName("")).isEmpty();
    }

    @Test
    void nameLookUpKnowsTheOfficialCbsNames() {
        assertThat(NL.municipalityByName("'s-Gravenhage")).map(Municipality::name).contains("Den Haag");
        assertThat(NL.municipalityByName("’s-Hertogenbosch")).map(Municipality::name).contains("Den Bosch");
        assertThat(NL.municipalityByName("Nuenen, Gerwen en Nederwetten")).map(Municipality::code).contains("GM0820");
        assertThat(NL.municipalityByName("Bergen (NH.)")).map(Municipality::name).contains("Bergen NH");
        assertThat(NL.municipalityByName("Bergen (L.)")).map(Municipality::name).contains("Bergen (L)");
    }

    @Test
    void everyMunicipalityIsFoundByItsOwnName() {
        for (Municipality m : NL.municipalities()) {
            assertThat(NL.municipalityByName(m.name())).as(m.name()).contains(m);
        }
    }

    @Test
    void regionLookUpIsTolerant() {
        LabourMarketRegion groot = new LabourMarketRegion("Groot Amsterdam");
        assertThat(NL.labourMarketRegion("groot-amsterdam")).contains(groot);
        assertThat(NL.labourMarketRegion(" GROOT  AMSTERDAM ")).contains(groot);
        assertThat(NL.labourMarketRegion("zaanstreek waterland")).map(LabourMarketRegion::name).contains("Zaanstreek/Waterland");
        assertThat(NL.labourMarketRegion("foodvalley")).map(LabourMarketRegion::name).contains("FoodValley");
        assertThat(NL.labourMarketRegion("Atlantis")).isEmpty();
        for (LabourMarketRegion r : NL.labourMarketRegions()) {
            assertThat(NL.labourMarketRegion(r.name().toUpperCase(Locale.ROOT))).contains(r);
        }
    }

    @Test
    void nearestMunicipalityOfATownCentreIsThatTown() {
        assertThat(NL.nearestMunicipality(new GeoPoint(52.0907, 5.1214)).name()).isEqualTo("Utrecht");   // Dom
        assertThat(NL.nearestMunicipality(new GeoPoint(53.2185, 6.5680)).name()).isEqualTo("Groningen"); // Grote Markt
        assertThat(NL.nearestMunicipality(new GeoPoint(50.8489, 5.6889)).name()).isEqualTo("Maastricht"); // Vrijthof
        assertThat(NL.nearestMunicipality(new GeoPoint(52.0786, 4.2887)).name()).isEqualTo("Den Haag");  // Binnenhof
        for (Municipality m : NL.municipalities()) {
            assertThat(NL.nearestMunicipality(m.point())).isEqualTo(m);
        }
    }

    @Test
    void resolvesEachKindOfLocation() {
        Municipality amsterdam = named("Amsterdam");
        assertThat(NL.resolve(Location.municipality("gm0363")))
                .contains(new ResolvedLocation(amsterdam.point(), amsterdam, amsterdam.region()));

        Postcode pc = NL.postcode("5611").orElseThrow();
        Municipality eindhoven = named("Eindhoven");
        assertThat(NL.resolve(Location.postcode("5611 AB")))
                .contains(new ResolvedLocation(pc.point(), eindhoven, new LabourMarketRegion("Zuidoost-Brabant")));

        ResolvedLocation dom = NL.resolve(Location.point(52.0907, 5.1214)).orElseThrow();
        assertThat(dom.point()).isEqualTo(new GeoPoint(52.0907, 5.1214));
        assertThat(dom.municipality().name()).isEqualTo("Utrecht");
        assertThat(dom.region()).isEqualTo(dom.municipality().region());
    }

    @Test
    void unknownCodeOrPostcodeResolvesToEmpty() {
        assertThat(NL.resolve(Location.municipality("GM9999"))).isEmpty();
        assertThat(NL.resolve(Location.postcode("0000"))).isEmpty();
        assertThat(NL.resolve(Location.postcode("not a postcode"))).isEmpty();
    }

    @Test
    void everyBundledPointIsInsideTheNetherlandsBox() {
        for (Municipality m : NL.municipalities()) {
            assertThat(Regions.inNetherlands(m.point().lat(), m.point().lon())).as(m.name()).isTrue();
        }
        for (int pc = 1000; pc <= 9999; pc++) {
            NL.postcode(Integer.toString(pc)).ifPresent(p ->
                    assertThat(Regions.inNetherlands(p.point().lat(), p.point().lon())).as(p.pc4()).isTrue());
        }
    }

    @Test
    void theBoxKeepsOutObviousMistakes() {
        assertThat(Regions.inNetherlands(53.4473, 5.6614)).as("Terschelling").isTrue();
        assertThat(Regions.inNetherlands(50.7504, 6.0209)).as("Vaalserberg").isTrue();
        assertThat(Regions.inNetherlands(4.9041, 52.3710)).as("lat and lon swapped").isFalse();
        assertThat(Regions.inNetherlands(48.8566, 2.3522)).as("Paris").isFalse();
        assertThat(Regions.inNetherlands(52.5200, 13.4050)).as("Berlin").isFalse();
        assertThat(Regions.inNetherlands(Double.NaN, 5.0)).isFalse();
    }
}
