package nl.werkmatch.matcher.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * The one place that decides whether a profile or vacancy may be written: the exchange format's rules (checked on
 * the record itself, with the paths and messages reading its JSON would give) and the references the taxonomy must
 * know. Public for {@code Matcher} only; this package is not exported.
 */
public final class Validation {
    private final ExchangeFormat format;
    private final SkillTaxonomy taxonomy;

    Validation(ExchangeFormat format, SkillTaxonomy taxonomy) {
        this.format = format;
        this.taxonomy = taxonomy;
    }

    /** A record with every problem found in it, and its stored JSON when there are none. */
    record Checked(String id, String json, List<Problem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Every problem of a profile with its path; empty when it can be written. */
    public List<Problem> problems(Profile p) {
        List<Problem> problems = new ArrayList<>(format.check(p));
        for (int i = 0; i < p.skills().size(); i++) {
            skill(p.skills().get(i).id(), i, problems);
        }
        for (int i = 0; i < p.experience().size(); i++) {
            occupation(p.experience().get(i).occupation(), "experience[" + i + "].occupation", problems);
        }
        for (int i = 0; i < p.wantedOccupations().size(); i++) {
            occupation(p.wantedOccupations().get(i), "wants.occupations[" + i + "]", problems);
        }
        return dedupe(problems);
    }

    /** Every problem of a vacancy with its path; empty when it can be written. */
    public List<Problem> problems(Vacancy v) {
        List<Problem> problems = new ArrayList<>(format.check(v));
        for (int i = 0; i < v.skills().size(); i++) {
            skill(v.skills().get(i).id(), i, problems);
        }
        if (v.occupation() != null) {
            occupation(v.occupation(), "occupation", problems);
        }
        if (v.skills().isEmpty()) {
            int occ = v.occupation() == null ? -1 : taxonomy.occupationIndexOf(v.occupation());
            if (v.occupation() == null) {
                problems.add(new Problem("skills", NO_SKILLS));
            } else if (occ >= 0 && !hasSkills(occ)) {
                problems.add(new Problem("skills", NO_SKILLS + "; occupation \"" + v.occupation()
                        + "\" has no skills in the taxonomy to derive them from"));
            }
        }
        return dedupe(problems);
    }

    static final String NO_SKILLS = "a vacancy must ask for at least one skill or name an occupation";

    private boolean hasSkills(int occupation) {
        for (Importance imp : Importance.values()) {
            if (taxonomy.occupationSkills(occupation, imp).length > 0) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link InvalidInputException} listing every problem of the profile, if it has any. */
    public void requireValid(Profile p) {
        require(problems(p));
    }

    /** Throws {@link InvalidInputException} listing every problem of the vacancy, if it has any. */
    public void requireValid(Vacancy v) {
        require(problems(v));
    }

    Checked check(Profile p) {
        List<Problem> problems = problems(p);
        return new Checked(p.id(), problems.isEmpty() ? format.writeProfile(p) : null, problems);
    }

    Checked check(Vacancy v) {
        List<Problem> problems = problems(v);
        return new Checked(v.id(), problems.isEmpty() ? format.writeVacancy(v) : null, problems);
    }

    static void require(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void skill(String id, int i, List<Problem> problems) {
        if (taxonomy.indexOf(id) < 0) {
            problems.add(new Problem("skills[" + i + "].id", "unknown skill \"" + id + "\""));
        }
    }

    private void occupation(String id, String path, List<Problem> problems) {
        if (taxonomy.occupationIndexOf(id) < 0) {
            problems.add(new Problem(path, "unknown occupation \"" + id + "\""));
        }
    }

    private static List<Problem> dedupe(List<Problem> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }
}
