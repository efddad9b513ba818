package nl.werkmatch.matcher.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.Municipality;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.WorkAuthorization;

/**
 * The compact binary form of prepared profiles and vacancies: exactly what the score and the hard filters read,
 * nothing an explanation needs. An index keeps it per document so that ranking rescoring its best hits costs a
 * short decode instead of reading and preparing the JSON record (on ESCO, preparing a profile walks thousands of
 * neighbourhood entries). Decoding gives the very credits, shares and facts the full form has, so
 * {@link Scorer#score} returns the same double for both forms.
 *
 * <p>Layout (variable-length ints): id, municipality code, exact point as raw double bits, CEFR ranks and
 * other small facts as bytes, dates as epoch days; covered concepts as ascending deltas with their credits as the
 * 16 significant bits of the float (credits are {@link Scorer#indexable}, so nothing is lost); required
 * concepts in their order, with importance. Only for the taxonomy and regions the encoder used: the engine's
 * index fingerprint guards that.
 */
public final class CompactForm {
    private final Scorer scorer;

    public CompactForm(Scorer scorer) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    // ---- profiles

    public byte[] encode(PreparedProfile p) {
        Out out = new Out(64 + 4 * p.coveredCount());
        out.string(p.id());
        location(out, p.location());
        for (LanguageSkill s : LanguageSkill.values()) {
            out.b(p.dutch(s).ordinal());
        }
        out.b(p.english().ordinal());
        out.b(p.education().ordinal());
        out.b(p.workAuthorization().ordinal());
        out.vint(p.jobTypeMask());
        out.b(p.hours().min());
        out.b(p.hours().max());
        date(out, p.availableFrom());
        out.vint(p.maxTravelKm() == null ? 0 : p.maxTravelKm() + 1);
        int[] wanted = p.wantedArray();
        out.vint(wanted.length);
        for (int o : wanted) {
            out.vint(o);
        }
        int n = p.coveredCount();
        out.vint(n);
        int previous = 0;
        for (int i = 0; i < n; i++) {
            out.vint(p.coveredConcept(i) - previous);
            previous = p.coveredConcept(i);
        }
        for (int i = 0; i < n; i++) {
            out.short16(creditBits(p.coveredCredit(i)));
        }
        return out.bytes();
    }

    public PreparedProfile decodeProfile(byte[] bytes, int offset, int length) {
        In in = new In(bytes, offset, length);
        String id = in.string();
        ResolvedLocation location = location(in);
        Cefr[] dutch = new Cefr[LanguageSkill.values().length];
        for (int i = 0; i < dutch.length; i++) {
            dutch[i] = Cefr.values()[in.b()];
        }
        Cefr english = Cefr.values()[in.b()];
        EducationLevel education = EducationLevel.values()[in.b()];
        WorkAuthorization auth = WorkAuthorization.values()[in.b()];
        int jobTypes = in.vint();
        HoursRange hours = new HoursRange(in.b(), in.b());
        LocalDate availableFrom = date(in);
        int travel = in.vint();
        int[] wanted = new int[in.vint()];
        Set<String> groups = new HashSet<>();
        Set<String> sectors = new HashSet<>();
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = in.vint();
            String g = scorer.iscoGroup(wanted[i]);
            if (g != null) {
                groups.add(g);
            }
            String sector = scorer.taxonomy().sector(wanted[i]);
            if (sector != null) {
                sectors.add(sector);
            }
        }
        int n = in.vint();
        int[] targets = new int[n];
        int previous = 0;
        for (int i = 0; i < n; i++) {
            previous += in.vint();
            targets[i] = previous;
        }
        double[] credits = new double[n];
        for (int i = 0; i < n; i++) {
            credits[i] = Float.intBitsToFloat(in.short16() << 15);
        }
        in.end();
        return new PreparedProfile(id, location, targets, credits, dutch, english, education, auth, jobTypes, hours,
                availableFrom, travel == 0 ? null : travel - 1, wanted, groups, sectors);
    }

    // ---- vacancies

    public byte[] encode(PreparedVacancy v) {
        Out out = new Out(64 + 3 * v.requiredCount());
        out.string(v.id());
        out.b(v.location() == null ? 0 : 1);
        if (v.location() != null) {
            location(out, v.location());
        }
        for (LanguageSkill s : LanguageSkill.values()) {
            out.b(v.dutchRequired(s).ordinal());
        }
        out.b(v.englishAccepted().ordinal());
        out.b(v.education().ordinal());
        out.b((v.remote() ? 1 : 0) | (v.permitSponsored() ? 2 : 0));
        out.b(v.jobType().ordinal());
        out.b(v.hours().min());
        out.b(v.hours().max());
        date(out, v.openFrom());
        date(out, v.openUntil());
        out.vint(v.occupation() + 1);
        out.vint(v.requiredCount());
        for (int i = 0; i < v.requiredCount(); i++) {
            out.vint(v.requiredConcept(i));
            out.b(v.importance(i).ordinal());
        }
        return out.bytes();
    }

    public PreparedVacancy decodeVacancy(byte[] bytes, int offset, int length) {
        In in = new In(bytes, offset, length);
        String id = in.string();
        ResolvedLocation location = in.b() == 0 ? null : location(in);
        Cefr[] dutch = new Cefr[LanguageSkill.values().length];
        for (int i = 0; i < dutch.length; i++) {
            dutch[i] = Cefr.values()[in.b()];
        }
        Cefr english = Cefr.values()[in.b()];
        EducationLevel education = EducationLevel.values()[in.b()];
        int flags = in.b();
        JobType jobType = JobType.values()[in.b()];
        HoursRange hours = new HoursRange(in.b(), in.b());
        LocalDate openFrom = date(in);
        LocalDate openUntil = date(in);
        int occupation = in.vint() - 1;
        int n = in.vint();
        int[] required = new int[n];
        Importance[] importances = new Importance[n];
        for (int i = 0; i < n; i++) {
            required[i] = in.vint();
            importances[i] = Importance.values()[in.b()];
        }
        in.end();
        return new PreparedVacancy(id, location, required, importances, occupation,
                occupation < 0 ? null : scorer.iscoGroup(occupation),
                occupation < 0 ? null : scorer.taxonomy().sector(occupation), dutch, english, education,
                (flags & 1) != 0, (flags & 2) != 0, jobType, hours, openFrom, openUntil);
    }

    // ---- parts

    private static void location(Out out, ResolvedLocation loc) {
        out.string(loc.municipality().code());
        out.long64(Double.doubleToRawLongBits(loc.point().lat()));
        out.long64(Double.doubleToRawLongBits(loc.point().lon()));
    }

    private ResolvedLocation location(In in) {
        String code = in.string();
        Municipality m = scorer.regions().municipality(code)
                .orElseThrow(() -> new IllegalArgumentException("compact form names an unknown municipality " + code));
        GeoPoint point = new GeoPoint(Double.longBitsToDouble(in.long64()), Double.longBitsToDouble(in.long64()));
        return new ResolvedLocation(point, m, m.region());
    }

    private static void date(Out out, LocalDate day) {
        // zig-zag, so days before 1970 stay short too; 0 means absent
        long v = day == null ? 0 : day.toEpochDay();
        out.vlong(day == null ? 0 : ((v << 1) ^ (v >> 63)) + 1);
    }

    private static LocalDate date(In in) {
        long z = in.vlong();
        if (z == 0) {
            return null;
        }
        z -= 1;
        return LocalDate.ofEpochDay((z >>> 1) ^ -(z & 1));
    }

    /** The top 16 bits of a credit's float below the sign, which are all it has: credits are indexable. */
    private static int creditBits(double credit) {
        int bits = Float.floatToIntBits((float) credit);
        if (credit <= 0 || credit > 1 || (bits & 0x7FFF) != 0 || (float) credit != credit) {
            throw new IllegalArgumentException("credit " + credit + " is not at index precision");
        }
        return bits >>> 15;
    }

    private static final class Out {
        private byte[] buf;
        private int len;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        void b(int v) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("byte out of range: " + v);
            }
            ensure(1);
            buf[len++] = (byte) v;
        }

        void short16(int v) {
            ensure(2);
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) v;
        }

        void vint(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative: " + v);
            }
            vlong(v);
        }

        void vlong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void long64(long v) {
            ensure(8);
            for (int i = 56; i >= 0; i -= 8) {
                buf[len++] = (byte) (v >>> i);
            }
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            vint(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, len, utf8.length);
            len += utf8.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, len);
        }
    }

    private static final class In {
        private final byte[] buf;
        private int pos;
        private final int end;

        In(byte[] buf, int offset, int length) {
            this.buf = buf;
            this.pos = offset;
            this.end = offset + length;
        }

        int b() {
            return buf[pos++] & 0xFF;
        }

        int short16() {
            return ((buf[pos++] & 0xFF) << 8) | (buf[pos++] & 0xFF);
        }

        int vint() {
            return Math.toIntExact(vlong());
        }

        long vlong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = buf[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
        }

        long long64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        String string() {
            int n = vint();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        void end() {
            if (pos != end) {
                throw new IllegalArgumentException("compact form has " + (end - pos) + " bytes left over");
            }
        }
    }
}
