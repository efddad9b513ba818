package nl.werkmatch.matcher.index;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;

/** Encodes prepared profiles and vacancies as Lucene documents; see {@link Fields} for what each field holds. */
final class Documents {
    private Documents() {
    }

    static Document profile(PreparedProfile pp, byte[] compact, String json) {
        Document d = new Document();
        common(d, pp.id(), compact, json);
        // credits are defined at the 9 significant bits FeatureField keeps, so this is exact
        d.add(new FeatureList(Fields.SKILL, pp.coveredCount(), pp::coveredConcept, pp::coveredCredit));
        point(d, pp.point());
        d.add(new NumericDocValuesField(Fields.ATTRS, Attributes.of(pp)));
        d.add(new NumericDocValuesField(Fields.TRAVEL, pp.maxTravelKm() == null ? -1 : pp.maxTravelKm()));
        d.add(new NumericDocValuesField(Fields.AVAILABLE_FROM, epochDay(pp.availableFrom(), Long.MIN_VALUE)));
        d.add(new StringField(Fields.REGION, pp.location().region().name(), Field.Store.NO));
        for (int o : pp.wantedOccupations()) {
            d.add(new StringField(Fields.WANT, occupationTerm(o), Field.Store.NO));
        }
        for (String g : pp.wantedIscoGroups()) {
            d.add(new StringField(Fields.WANT_GROUP, g, Field.Store.NO));
        }
        for (String s : pp.wantedSectors()) {
            d.add(new StringField(Fields.WANT_SECTOR, s, Field.Store.NO));
        }
        return d;
    }

    static Document vacancy(PreparedVacancy pv, byte[] compact, String json) {
        Document d = new Document();
        common(d, pv.id(), compact, json);
        d.add(new FeatureList(Fields.REQ, pv.requiredCount(), pv::requiredConcept, pv::share));
        for (int i = 0; i < pv.requiredCount(); i++) {
            if (pv.importance(i) == Importance.ESSENTIAL) {
                d.add(new SortedNumericDocValuesField(Fields.ESSENTIAL, pv.requiredConcept(i)));
            }
        }
        // A remote vacancy scores 1 on distance wherever it is, so it gets no distance-feature point.
        if (!pv.remote()) {
            point(d, pv.point());
        }
        d.add(new NumericDocValuesField(Fields.ATTRS, Attributes.of(pv)));
        d.add(new NumericDocValuesField(Fields.OPEN_FROM, epochDay(pv.openFrom(), Long.MIN_VALUE)));
        d.add(new NumericDocValuesField(Fields.OPEN_UNTIL, epochDay(pv.openUntil(), Long.MAX_VALUE)));
        d.add(new StringField(Fields.REMOTE, pv.remote() ? Fields.TRUE : Fields.FALSE, Field.Store.NO));
        if (pv.location() != null) {
            d.add(new StringField(Fields.REGION, pv.location().region().name(), Field.Store.NO));
        }
        if (pv.occupation() >= 0) {
            d.add(new StringField(Fields.OCCUPATION, occupationTerm(pv.occupation()), Field.Store.NO));
        }
        if (pv.iscoGroup() != null) {
            d.add(new StringField(Fields.ISCO_GROUP, pv.iscoGroup(), Field.Store.NO));
        }
        if (pv.sector() != null) {
            d.add(new StringField(Fields.SECTOR, pv.sector(), Field.Store.NO));
        }
        return d;
    }

    private static void common(Document d, String id, byte[] compact, String json) {
        d.add(new StringField(Fields.ID, id, Field.Store.YES));
        d.add(new StoredField(Fields.JSON, json.getBytes(StandardCharsets.UTF_8)));
        d.add(new BinaryDocValuesField(Fields.FORM, new BytesRef(compact)));
    }

    private static void point(Document d, GeoPoint p) {
        d.add(new NumericDocValuesField(Fields.PLACE, zOrder(p)));
        d.add(new NumericDocValuesField(Fields.LAT, Double.doubleToRawLongBits(p.lat())));
        d.add(new NumericDocValuesField(Fields.LON, Double.doubleToRawLongBits(p.lon())));
    }

    /**
     * A Z-order (Morton) code of the point: interleaved bits of latitude and longitude, so that documents sorted
     * by it lie close together on disk when they lie close together on the map. A distance filter then selects
     * a few runs of doc ids, and the top-k scorer skips everything between them.
     */
    static long zOrder(GeoPoint p) {
        return interleave(quantizeLat(p.lat()), quantizeLon(p.lon()));
    }

    /** Bits per coordinate in the Z-order code. */
    static final int PLACE_BITS = 31;

    static long quantizeLat(double lat) {
        return (long) ((lat + 90) / 180 * 0x7FFFFFFFL);
    }

    static long quantizeLon(double lon) {
        return (long) ((lon + 180) / 360 * 0x7FFFFFFFL);
    }

    /** The Z-order code of quantized coordinates: latitude bits at even positions, longitude bits at odd ones. */
    static long interleave(long lat, long lon) {
        return spread(lat) | (spread(lon) << 1);
    }

    private static long spread(long v) {
        v &= 0xFFFFFFFFL;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }

    static String term(int concept) {
        return Integer.toString(concept);
    }

    static String occupationTerm(int occupation) {
        return Integer.toString(occupation);
    }

    static long epochDay(LocalDate day, long absent) {
        return day == null ? absent : day.toEpochDay();
    }
}
