package nl.werkmatch.matcher.internal;

import nl.werkmatch.matcher.model.Education;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.Explanation.Qualification;

/**
 * Each rule of the score and the hard filters, defined once on plain values, so that the exact scorer, the pair
 * filter, the compiled Lucene queries (which read packed attributes) and the explanations all call the same code.
 * Public for the engine only; this package is not exported.
 */
public final class Rules {
    /** Preference value of a vacancy in a wanted occupation. */
    public static final double WANTED = 1;
    /** Preference value of a vacancy in the same ISCO minor group or sector as a wanted occupation. */
    public static final double NEAR = 0.5;

    private Rules() {
    }

    /** FREE always; PERMIT_REQUIRED only where the employer sponsors a work permit (TWV); NOT_ALLOWED never. */
    public static boolean authorized(WorkAuthorization a, boolean permitSponsored) {
        return a == WorkAuthorization.FREE || (a == WorkAuthorization.PERMIT_REQUIRED && permitSponsored);
    }

    /** Whether two ranges of hours a week share at least one hour (both ends inclusive). */
    public static boolean hoursOverlap(int minA, int maxA, int minB, int maxB) {
        return minA <= maxB && minB <= maxA;
    }

    /** Whether the candidate's English (a CEFR rank) meets the English level a vacancy accepts instead of Dutch. */
    public static boolean englishBridges(int candidateEnglishRank, int acceptedRank) {
        return acceptedRank > 0 && candidateEnglishRank >= acceptedRank;
    }

    /** The Dutch gap on one language skill in CEFR steps: the requirement (after support) minus the level. */
    public static int languageGap(int requiredRank, int levelRank, boolean bridged) {
        return bridged ? 0 : requiredRank - levelRank;
    }

    /** Fit of one language skill for a gap in CEFR steps. */
    public static double languageFit(int gap) {
        return gap <= 0 ? 1 : gap == 1 ? 0.5 : 0;
    }

    /**
     * The education level the level fit counts: the diploma's level when it is recognised in the Netherlands, one
     * level lower when it is not (an employer cannot rely on an unrecognised diploma in full); NONE stays NONE.
     * Recognition therefore moves the level fit both ways: up for a candidate below the job's level, down for one
     * already over-qualified.
     */
    public static EducationLevel countedLevel(Education education) {
        EducationLevel level = education.level();
        if (education.recognized() || level == EducationLevel.NONE) {
            return level;
        }
        return EducationLevel.values()[level.ordinal() - 1];
    }

    /** How a candidate's education level stands to the job's, in education-level steps (candidate minus job). */
    public static Qualification qualification(boolean jobAsksLevel, int steps) {
        if (!jobAsksLevel) {
            return Qualification.NOT_REQUIRED;
        }
        return steps > 1 ? Qualification.OVER : steps < 0 ? Qualification.UNDER : Qualification.MATCH;
    }

    /**
     * Level fit: 1 at the job's level or one step above (or when it asks none); over-qualification costs 0.25 a
     * further step, down to 0.25; one step under 0.5, more 0.
     */
    public static double levelFit(boolean jobAsksLevel, int steps) {
        return switch (qualification(jobAsksLevel, steps)) {
            case NOT_REQUIRED, MATCH -> 1;
            case OVER -> Math.max(0.25, 1 - 0.25 * (steps - 1));
            case UNDER -> steps == -1 ? 0.5 : 0;
        };
    }

    /** Preference value from the two facts: a wanted occupation, or one near a wanted one. */
    public static double preference(boolean wanted, boolean near) {
        return wanted ? WANTED : near ? NEAR : 0;
    }

    /**
     * The skill floor: a pair is a match only when its skills component reaches {@code minSkillFit}. A floor of 0
     * admits every pair; any floor above 0 also excludes pairs with no skill evidence at all (skills 0).
     */
    public static boolean meetsSkillFloor(double skills, double minSkillFit) {
        return skills >= minSkillFit;
    }

    /** Whether someone available from a day (epoch day) can still start before a vacancy closes (epoch day). */
    public static boolean availableInTime(long availableFrom, long openUntil) {
        return availableFrom <= openUntil;
    }
}
