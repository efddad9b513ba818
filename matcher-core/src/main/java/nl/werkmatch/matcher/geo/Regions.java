package nl.werkmatch.matcher.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.google.common.base.Suppliers;

import nl.werkmatch.matcher.model.Location;

/**
 * Dutch geography: the municipalities of 2026 with their labour market regions and town-centre points, and the
 * four-digit postcode areas (PC4) with a point each. Immutable and thread-safe.
 *
 * <p>Name look-ups ignore case, diacritics, punctuation and whitespace, so {@code "sudwest fryslan"} finds
 * Súdwest-Fryslân.
 */
public final class Regions {
    static final String MUNICIPALITIES_FILE = "municipalities.csv";
    static final String POSTCODES_FILE = "pc4.csv";
    private static final List<String> MUNICIPALITY_HEADER = List.of("code", "name", "labour_market_region", "latitude", "longitude");
    private static final List<String> POSTCODE_HEADER = List.of("pc4", "place", "latitude", "longitude");

    /*
     * A box around the Netherlands: lat 50.70..53.60, lon 3.30..7.25. It holds the mainland's extremes
     * (Vaalserberg ~50.75 N, Cadzand ~3.36 E, Bad Nieuweschans ~7.23 E) and the Wadden islands up to
     * Rottumerplaat (~53.56 N) with a small margin. It also holds slivers of Belgium, Germany and the North Sea:
     * it catches swapped or foreign coordinates, it is not a border test.
     */
    private static final double MIN_LAT = 50.70;
    private static final double MAX_LAT = 53.60;
    private static final double MIN_LON = 3.30;
    private static final double MAX_LON = 7.25;

    // The CBS's official names where the bundled data uses the common name, so either finds the municipality.
    private static final Map<String, String> OFFICIAL_NAMES = Map.of(
            "'s-Gravenhage", "GM0518",
            "'s-Hertogenbosch", "GM0796",
            "Nuenen, Gerwen en Nederwetten", "GM0820");

    /*
     * The nearest town centre alone puts 214 of the 4,064 PC4 areas named after a municipality in a neighbour
     * (Amsterdam-Noord in Landsmeer, hence in Zaanstreek/Waterland), so a PC4 whose place is a municipality's name
     * goes to that municipality. Only nearby: in the bundled data such places lie within 16 km of their
     * municipality's point, while homonymous villages elsewhere (Beek, Buren, Hoorn on Terschelling) are 45 km or
     * more away.
     */
    private static final double NAMED_PLACE_MAX_KM = 20;

    private static final Pattern POSTCODE = Pattern.compile("\\s*([1-9]\\d{3})\\s*(?:[A-Za-z]{2})?\\s*");

    // Memoised rather than a holder class: a failed load throws its IllegalStateException on every call.
    private static final Supplier<Regions> NETHERLANDS = Suppliers.memoize(Regions::loadBundled);

    private final List<Municipality> municipalities;
    private final Map<String, Municipality> byCode;
    private final Map<String, Municipality> byName;
    private final List<LabourMarketRegion> regions;
    private final Map<String, LabourMarketRegion> regionByName;
    private final Map<LabourMarketRegion, List<Municipality>> byRegion;
    private final Map<String, Postcode> postcodes;

    // Per municipality, in the order of the list: the point in radians and the cosine of its latitude.
    private final double[] latRad;
    private final double[] lonRad;
    private final double[] cosLat;

    private Regions(List<Municipality> municipalities, List<PostcodeRow> postcodeRows) {
        this.municipalities = List.copyOf(municipalities);
        int n = municipalities.size();
        latRad = new double[n];
        lonRad = new double[n];
        cosLat = new double[n];
        Map<String, Municipality> codes = new HashMap<>();
        Map<String, Municipality> names = new HashMap<>();
        Map<String, LabourMarketRegion> regionNames = new HashMap<>();
        Map<LabourMarketRegion, List<Municipality>> members = new TreeMap<>(Comparator.comparing(LabourMarketRegion::name));
        for (int i = 0; i < n; i++) {
            Municipality m = municipalities.get(i);
            latRad[i] = Math.toRadians(m.point().lat());
            lonRad[i] = Math.toRadians(m.point().lon());
            cosLat[i] = Math.cos(latRad[i]);
            codes.put(m.code(), m);
            Municipality sameName = names.putIfAbsent(Names.key(m.name()), m);
            if (sameName != null) {
                throw new IllegalStateException("municipalities " + sameName.code() + " \"" + sameName.name() + "\" and "
                        + m.code() + " \"" + m.name() + "\" have the same name for look-up");
            }
            LabourMarketRegion spelled = regionNames.putIfAbsent(Names.key(m.region().name()), m.region());
            if (spelled != null && !spelled.equals(m.region())) {
                throw new IllegalStateException("labour market region spelled two ways: \"" + spelled.name() + "\" and \""
                        + m.region().name() + "\" (" + m.code() + ")");
            }
            members.computeIfAbsent(m.region(), r -> new ArrayList<>()).add(m);
        }
        OFFICIAL_NAMES.forEach((name, code) -> {
            if (codes.containsKey(code)) {
                names.putIfAbsent(Names.key(name), codes.get(code));
            }
        });
        byCode = Map.copyOf(codes);
        byName = Map.copyOf(names);
        regionByName = Map.copyOf(regionNames);
        Map<LabourMarketRegion, List<Municipality>> frozen = new LinkedHashMap<>();
        members.forEach((region, list) -> frozen.put(region, List.copyOf(list)));
        byRegion = Collections.unmodifiableMap(frozen);
        regions = List.copyOf(frozen.keySet());

        Map<String, Postcode> pcs = new HashMap<>();
        for (PostcodeRow row : postcodeRows) {
            pcs.put(row.pc4(), new Postcode(row.pc4(), row.place(), row.point(), municipalityOf(row.place(), row.point())));
        }
        postcodes = Map.copyOf(pcs);
    }

    private Municipality municipalityOf(String place, GeoPoint point) {
        Municipality named = byName.get(Names.key(place));
        if (named != null && named.point().distanceKm(point) <= NAMED_PLACE_MAX_KM) {
            return named;
        }
        return nearestMunicipality(point);
    }

    /** The bundled data for the Netherlands, loaded on first use. */
    public static Regions netherlands() {
        return NETHERLANDS.get();
    }

    /** Whether a point lies in a box around the Netherlands, Wadden islands included; a plausibility check only. */
    public static boolean inNetherlands(double lat, double lon) {
        return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
    }

    /** All municipalities, by code. */
    public List<Municipality> municipalities() {
        return municipalities;
    }

    /** The labour market regions that have municipalities, by name (String order). */
    public List<LabourMarketRegion> labourMarketRegions() {
        return regions;
    }

    /** The municipality with this CBS code ({@code GM0363}), ignoring case and surrounding whitespace. */
    public Optional<Municipality> municipality(String code) {
        Objects.requireNonNull(code, "code");
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The PC4 area of a postcode given as {@code 5611}, {@code 5611AB} or {@code 5611 AB}. */
    public Optional<Postcode> postcode(String postcode) {
        Objects.requireNonNull(postcode, "postcode");
        Matcher m = POSTCODE.matcher(postcode);
        return m.matches() ? Optional.ofNullable(postcodes.get(m.group(1))) : Optional.empty();
    }

    /**
     * The municipality with this name, ignoring case, diacritics, punctuation and whitespace. Finds the common name
     * of the bundled data ({@code Den Haag}, {@code Den Bosch}) and the CBS's official name ({@code 's-Gravenhage}).
     */
    public Optional<Municipality> municipalityByName(String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(byName.get(Names.key(name)));
    }

    /** The labour market region with this name, ignoring case, diacritics, punctuation and whitespace. */
    public Optional<LabourMarketRegion> labourMarketRegion(String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(regionByName.get(Names.key(name)));
    }

    /** The municipalities of a region, by code; empty for a region this data does not know. */
    public List<Municipality> municipalitiesIn(LabourMarketRegion region) {
        Objects.requireNonNull(region, "region");
        return byRegion.getOrDefault(region, List.of());
    }

    /** The municipality whose town-centre point is nearest (great-circle); ties go to the lower code. */
    public Municipality nearestMunicipality(GeoPoint point) {
        Objects.requireNonNull(point, "point");
        double lat = Math.toRadians(point.lat());
        double lon = Math.toRadians(point.lon());
        double cos = Math.cos(lat);
        int best = 0;
        double bestH = Double.POSITIVE_INFINITY;
        for (int i = 0; i < latRad.length; i++) {
            // The haversine term grows with distance, so comparing it skips the asin and sqrt.
            double sLat = Math.sin((latRad[i] - lat) / 2);
            double sLon = Math.sin((lonRad[i] - lon) / 2);
            double h = sLat * sLat + cos * cosLat[i] * sLon * sLon;
            if (h < bestH) {
                bestH = h;
                best = i;
            }
        }
        return municipalities.get(best);
    }

    /**
     * Resolves a location: a municipality code to that municipality's point; a postcode to its PC4 point and nearest
     * municipality; a point to itself and the nearest municipality. Empty when the code or postcode is unknown.
     * A point is not checked against {@link #inNetherlands}: validating input is the caller's job.
     */
    public Optional<ResolvedLocation> resolve(Location location) {
        Objects.requireNonNull(location, "location");
        if (location.municipality() != null) {
            return municipality(location.municipality()).map(m -> new ResolvedLocation(m.point(), m, m.region()));
        }
        if (location.postcode() != null) {
            return postcode(location.postcode())
                    .map(p -> new ResolvedLocation(p.point(), p.municipality(), p.municipality().region()));
        }
        GeoPoint point = new GeoPoint(location.lat(), location.lon());
        Municipality m = nearestMunicipality(point);
        return Optional.of(new ResolvedLocation(point, m, m.region()));
    }

    // ---- loading

    private static Regions loadBundled() {
        try (InputStream municipalities = open(MUNICIPALITIES_FILE); InputStream postcodes = open(POSTCODES_FILE)) {
            return parse(new InputStreamReader(municipalities, StandardCharsets.UTF_8),
                    new InputStreamReader(postcodes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled geography", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Regions.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled resource missing: " + resource);
        }
        return in;
    }

    /** Parses data in the bundled files' formats; throws IllegalStateException naming the first bad row. */
    static Regions parse(Reader municipalities, Reader postcodes) throws IOException {
        List<Municipality> ms = new ArrayList<>();
        Map<String, LabourMarketRegion> regions = new HashMap<>();
        Map<String, Integer> codes = new HashMap<>();
        for (Row row : readRows(MUNICIPALITIES_FILE, municipalities, MUNICIPALITY_HEADER)) {
            Municipality m;
            try {
                LabourMarketRegion region = regions.computeIfAbsent(row.cell(2), LabourMarketRegion::new);
                m = new Municipality(row.cell(0), row.cell(1), region, point(row, 3));
            } catch (IllegalArgumentException e) {
                throw row.invalid(e.getMessage());
            }
            Integer earlier = codes.putIfAbsent(m.code(), row.number());
            if (earlier != null) {
                throw row.invalid("code " + m.code() + " already in row " + earlier);
            }
            ms.add(m);
        }
        if (ms.isEmpty()) {
            throw new IllegalStateException(MUNICIPALITIES_FILE + " has no municipalities");
        }
        ms.sort(Comparator.comparing(Municipality::code));

        List<PostcodeRow> pcs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : readRows(POSTCODES_FILE, postcodes, POSTCODE_HEADER)) {
            String pc4 = row.cell(0);
            if (!pc4.matches("[1-9]\\d{3}")) {
                throw row.invalid("not a four-digit postcode: " + pc4);
            }
            if (row.cell(1).isBlank()) {
                throw row.invalid("no place name");
            }
            Integer earlier = seen.putIfAbsent(pc4, row.number());
            if (earlier != null) {
                throw row.invalid("postcode " + pc4 + " already in row " + earlier);
            }
            pcs.add(new PostcodeRow(pc4, row.cell(1), point(row, 2)));
        }
        return new Regions(ms, pcs);
    }

    private static GeoPoint point(Row row, int latColumn) {
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(row.cell(latColumn));
            lon = Double.parseDouble(row.cell(latColumn + 1));
        } catch (NumberFormatException e) {
            throw row.invalid("latitude/longitude not numbers");
        }
        if (!inNetherlands(lat, lon)) {
            throw row.invalid("point " + lat + ", " + lon + " is outside the Netherlands");
        }
        return new GeoPoint(lat, lon);
    }

    private static List<Row> readRows(String file, Reader reader, List<String> header) throws IOException {
        ObjectReader csv = new CsvMapper()
                .readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        try (MappingIterator<List<String>> it = csv.readValues(reader)) {
            int number = 0;
            while (it.hasNextValue()) {
                Row row = new Row(file, ++number, it.nextValue());
                if (!headerSeen) {
                    if (!row.cells().equals(header)) {
                        throw row.invalid("expected the header " + String.join(",", header));
                    }
                    headerSeen = true;
                } else if (row.cells().size() != header.size()) {
                    throw row.invalid("expected " + header.size() + " columns, found " + row.cells().size());
                } else {
                    rows.add(row);
                }
            }
        } catch (JsonProcessingException | RuntimeJsonMappingException e) {
            throw new IllegalStateException(file + " is not valid CSV: " + e.getMessage(), e);
        }
        if (!headerSeen) {
            throw new IllegalStateException(file + " is empty");
        }
        return rows;
    }

    /** A CSV record, numbered from the header's 1: its line number unless blank lines or multi-line fields precede it. */
    private record Row(String file, int number, List<String> cells) {
        String cell(int column) {
            return cells.get(column);
        }

        IllegalStateException invalid(String problem) {
            return new IllegalStateException(file + " row " + number + ": " + problem + ": " + String.join(",", cells));
        }
    }

    private record PostcodeRow(String pc4, String place, GeoPoint point) {
    }
}
