package nl.werkmatch.matcher.index;

import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;

/**
 * The small facts of a document packed in one long (one doc value), so the language and level score and the
 * cheap hard filters read one number per candidate instead of a dozen terms and points.
 *
 * <pre>
 * bits  0-11  Dutch CEFR rank per language skill, 3 bits each (profile: level; vacancy: requirement after support)
 * bits 12-14  English rank (profile: level; vacancy: level accepted instead of Dutch, 0 = none)
 * bits 15-17  education level ordinal (profile: candidate's; vacancy: asked, 0 = none)
 * bits 18-19  profile: work authorization ordinal     vacancy: bit 18 remote, bit 19 permit sponsored
 * bits 20-27  profile: accepted job types bit set, 0 = any    vacancy: job type ordinal
 * bits 28-33  hours per week, minimum
 * bits 34-39  hours per week, maximum
 * </pre>
 */
final class Attributes {
    private Attributes() {
    }

    static long of(PreparedProfile p) {
        long a = 0;
        for (LanguageSkill s : LanguageSkill.values()) {
            a |= (long) p.dutch(s).rank() << (3 * s.ordinal());
        }
        a |= (long) p.english().rank() << 12;
        a |= (long) p.education().ordinal() << 15;
        a |= (long) p.workAuthorization().ordinal() << 18;
        a |= (long) p.jobTypeMask() << 20;
        return a | hours(p.hours().min(), p.hours().max());
    }

    static long of(PreparedVacancy v) {
        long a = 0;
        for (LanguageSkill s : LanguageSkill.values()) {
            a |= (long) v.dutchRequired(s).rank() << (3 * s.ordinal());
        }
        a |= (long) v.englishAccepted().rank() << 12;
        a |= (long) v.education().ordinal() << 15;
        a |= (v.remote() ? 1L : 0L) << 18;
        a |= (v.permitSponsored() ? 1L : 0L) << 19;
        a |= (long) v.jobType().ordinal() << 20;
        return a | hours(v.hours().min(), v.hours().max());
    }

    private static long hours(int min, int max) {
        return ((long) min << 28) | ((long) max << 34);
    }

    static int dutch(long a, int skillOrdinal) {
        return (int) (a >>> (3 * skillOrdinal)) & 7;
    }

    static int english(long a) {
        return (int) (a >>> 12) & 7;
    }

    static int education(long a) {
        return (int) (a >>> 15) & 7;
    }

    static int authorization(long a) {
        return (int) (a >>> 18) & 3;
    }

    static boolean remote(long a) {
        return ((a >>> 18) & 1) != 0;
    }

    static boolean permitSponsored(long a) {
        return ((a >>> 19) & 1) != 0;
    }

    static int jobTypeMask(long a) {
        return (int) (a >>> 20) & 0xFF;
    }

    static int jobType(long a) {
        return (int) (a >>> 20) & 0xFF;
    }

    static int hoursMin(long a) {
        return (int) (a >>> 28) & 0x3F;
    }

    static int hoursMax(long a) {
        return (int) (a >>> 34) & 0x3F;
    }
}
