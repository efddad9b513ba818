package nl.werkmatch.matcher.scoring;

import nl.werkmatch.matcher.InvalidInputException;

import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;

/**
 * How much a skill claim counts by its evidence, and what work experience in an occupation is worth as evidence
 * of that occupation's skills. Index-time: profiles are indexed with these, so changing them means a rebuild
 * (the index records them in its fingerprint).
 *
 * <p>Experience of less than a year counts half, growing linearly to full at one year.
 *
 * @param maxCoveredSkills how many concepts one profile covers at most: its strongest credits (default 128), ties to the lower
 *     concept index. On ESCO a profile with two occupations' experience reaches thousands of concepts through
 *     the similarity neighbourhoods, mostly as weak sibling credit; the cap keeps the strongest evidence and
 *     bounds the index per profile.
 */
public record EvidenceWeights(double declared, double assessed, double certified, double inferred,
                              double experienceEssential, double experienceImportant, double experienceOptional,
                              int maxCoveredSkills) {

    public static final EvidenceWeights DEFAULT = new EvidenceWeights(0.8, 0.9, 1.0, 0.7, 0.8, 0.6, 0.4, 128);

    /** Checks that each weight lies in (0, 1] and the coverage cap is sensible. */
    public EvidenceWeights {
        if (maxCoveredSkills < 1 || maxCoveredSkills > 100_000) {
            throw new InvalidInputException("evidence.maxCoveredSkills", "must lie in [1, 100000], got " + maxCoveredSkills);
        }
        double[] all = {declared, assessed, certified, inferred, experienceEssential, experienceImportant, experienceOptional};
        for (double x : all) {
            if (!(x > 0 && x <= 1)) {
                throw new InvalidInputException("evidence", "evidence weights must lie in (0, 1], got " + x);
            }
        }
    }

    /** The weight of a declared, assessed, certified or inferred skill. */
    public double of(Evidence evidence) {
        return switch (evidence) {
            case DECLARED -> declared;
            case ASSESSED -> assessed;
            case CERTIFIED -> certified;
            case INFERRED -> inferred;
        };
    }

    /** Evidence for a skill of an occupation the candidate worked in, at the skill's relevance to it. */
    public double ofExperience(Importance relevance, double years) {
        double base = switch (relevance) {
            case ESSENTIAL -> experienceEssential;
            case IMPORTANT -> experienceImportant;
            case OPTIONAL -> experienceOptional;
        };
        return base * Math.min(1.0, 0.5 + 0.5 * years);
    }

    /** A stable text of the values, for the index fingerprint. */
    public String fingerprint() {
        return declared + "," + assessed + "," + certified + "," + inferred + "," + experienceEssential + ","
                + experienceImportant + "," + experienceOptional + "," + maxCoveredSkills;
    }
}
