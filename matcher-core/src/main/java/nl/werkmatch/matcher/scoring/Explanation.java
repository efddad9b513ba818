package nl.werkmatch.matcher.scoring;

import java.util.List;
import java.util.Locale;

import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.taxonomy.Relation;

/**
 * Why a (profile, vacancy) pair scores what it does: each component's value, weight and contribution (the
 * contributions sum to the score), every required skill and what covered it, the Dutch gap per language skill,
 * the distance and regions, the level fit and the preference. Labels are in the taxonomy's default language.
 *
 * @param skillsFromOccupation the occupation whose skills the vacancy asks for, because it lists none of its own;
 *                             null when the vacancy lists its skills
 */
public record Explanation(
        String profileId,
        String vacancyId,
        double score,
        List<ComponentScore> components,
        List<SkillMatch> skills,
        LanguageFit language,
        DistanceFit distance,
        LevelFit level,
        PreferenceFit preference,
        String skillsFromOccupation) {

    /** Copies the lists, so that an explanation never changes. */
    public Explanation {
        components = List.copyOf(components);
        skills = List.copyOf(skills);
    }

    /** One component: its value in [0, 1], its weight, and their product. */
    public record ComponentScore(Component component, double value, double weight, double contribution) {
    }

    /**
     * A required skill and how the candidate covers it.
     *
     * @param coveredBy the candidate's skill id that gives the credit, or null when missing
     * @param relation how that skill relates to the required one (EXACT, NARROWER, ...), NONE when missing
     * @param evidence the evidence factor of the covering skill
     * @param fromOccupation the occupation id whose experience implied the covering skill, or null for a claimed skill
     * @param credit similarity times evidence, in [0, 1]
     */
    public record SkillMatch(String requiredId, String requiredLabel, Importance importance, String coveredBy,
                             String coveredByLabel, Relation relation, double evidence, String fromOccupation,
                             double credit) {
        /** Whether no skill of the candidate covers this requirement. */
        public boolean missing() {
            return coveredBy == null;
        }
    }

    /** The Dutch fit per language skill and what bridged a gap. */
    public record LanguageFit(List<LanguageSkillFit> skills, boolean languageSupport, Cefr englishAccepted,
                              Cefr candidateEnglish, boolean englishBridged, double value) {
        /** Copies the list of language skills. */
        public LanguageFit {
            skills = List.copyOf(skills);
        }
    }

    /**
     * How one language skill fits.
     *
     * @param required what the vacancy asks
     * @param effectiveRequired after language support lowered it a level
     * @param gap effective requirement minus the candidate's level, in CEFR steps (negative: above the requirement)
     */
    public record LanguageSkillFit(LanguageSkill skill, Cefr required, Cefr effectiveRequired, Cefr candidate, int gap,
                                   double fit) {
    }

    /**
     * How the place fits.
     *
     * @param km the distance, or null for a remote vacancy
     */
    public record DistanceFit(Double km, boolean remote, String candidateMunicipality, String candidateRegion,
                              String vacancyMunicipality, String vacancyRegion, double value) {
    }

    /**
     * How the education level fits.
     *
     * @param candidate the candidate's diploma level
     * @param recognized whether the diploma is recognised in the Netherlands
     * @param counted    the level the fit counts: {@code candidate} when recognised, one level lower when not
     * @param steps      counted level minus job level, in education-level steps
     */
    public record LevelFit(EducationLevel candidate, boolean recognized, EducationLevel counted, EducationLevel job, int steps,
                           Qualification qualification, double value) {
    }

    /** Whether the candidate is below, at or above the level a job asks. */
    public enum Qualification {
        /** The job asks no level. */
        NOT_REQUIRED,
        /** At the job's level or one step above. */
        MATCH,
        /** More than one step above: over-qualified. */
        OVER,
        /** Below the job's level. */
        UNDER
    }

    /**
     * How the vacancy's occupation fits what the candidate wants.
     *
     * @param wanted    the candidate asked for this occupation
     * @param sameGroup not wanted itself, but in the same ISCO minor group or sector as a wanted one
     */
    public record PreferenceFit(String vacancyOccupation, boolean wanted, boolean sameGroup, double value) {
    }

    private static String steps(int n) {
        return n == 1 ? "1 step" : n + " steps";
    }

    /** A readable, multi-line account for people (consultants, candidates, logs). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "score %.3f =", score));
        String sep = " ";
        for (ComponentScore c : components) {
            sb.append(String.format(Locale.ROOT, "%s%s %.3f (%.2f x %.2f)", sep, c.component().jsonName(),
                    c.contribution(), c.weight(), c.value()));
            sep = " + ";
        }
        sb.append('\n');
        long covered = skills.stream().filter(s -> !s.missing()).count();
        sb.append(String.format(Locale.ROOT, "  skills: %d of %d required skills covered", covered, skills.size()));
        if (skillsFromOccupation != null) {
            sb.append(" (the vacancy lists no skills; these are the skills of its occupation ")
                    .append(skillsFromOccupation).append(')');
        }
        sb.append('\n');
        for (SkillMatch s : skills) {
            sb.append("    ").append(s.importance().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(s.requiredLabel()).append(": ");
            if (s.missing()) {
                sb.append("missing");
            } else {
                sb.append(switch (s.relation()) {
                    case EXACT -> "has it";
                    case NARROWER -> "has the more specific " + s.coveredByLabel();
                    case BROADER -> "has the broader " + s.coveredByLabel();
                    case SIBLING -> "has the similar " + s.coveredByLabel();
                    case RELATED -> "has the related " + s.coveredByLabel();
                    case NONE -> "?";
                });
                if (s.fromOccupation() != null) {
                    sb.append(" (from work experience)");
                }
                sb.append(String.format(Locale.ROOT, ", credit %.2f", s.credit()));
            }
            sb.append('\n');
        }
        sb.append("  dutch:");
        for (LanguageSkillFit f : language.skills()) {
            sb.append(' ').append(f.skill().fieldName()).append(' ').append(f.candidate()).append('/')
                    .append(f.effectiveRequired());
            if (f.gap() > 0) {
                sb.append(" (gap ").append(f.gap()).append(')');
            }
        }
        if (language.languageSupport()) {
            sb.append("; language support lowers each requirement a level");
        }
        if (language.englishBridged()) {
            sb.append("; English ").append(language.candidateEnglish()).append(" accepted instead");
        }
        sb.append('\n');
        if (distance.remote()) {
            sb.append("  place: remote work\n");
        } else {
            sb.append(String.format(Locale.ROOT, "  place: %.1f km, %s (%s) to %s (%s)%n", distance.km(),
                    distance.candidateMunicipality(), distance.candidateRegion(), distance.vacancyMunicipality(),
                    distance.vacancyRegion()));
        }
        sb.append("  level: ");
        String counted = level.counted().name();
        sb.append(switch (level.qualification()) {
            case NOT_REQUIRED -> "no level required";
            case MATCH -> counted + " fits " + level.job();
            case OVER -> counted + " is over-qualified for " + level.job() + " (" + steps(level.steps()) + ")";
            case UNDER -> counted + " is below " + level.job() + " (" + steps(-level.steps()) + ")";
        });
        if (!level.recognized() && level.candidate() != EducationLevel.NONE) {
            sb.append(", diploma ").append(level.candidate()).append(" not recognised, counted as ").append(counted);
        }
        sb.append('\n');
        sb.append("  preference: ").append(preference.wanted() ? "wants this occupation"
                : preference.sameGroup() ? "wants a related occupation" : "not among the wanted occupations");
        return sb.toString();
    }
}
