package nl.werkmatch.matcher.advice;

import java.util.List;

/**
 * A career step towards a wanted occupation: the smallest set of skills (at most three, learned with a certificate)
 * that makes at least one open vacancy of that occupation, passing every hard filter for this person, reach the
 * threshold. Among sets of that size the one opening the most such vacancies; ties by the skill ids in order.
 *
 * @param occupation the wanted occupation's id
 * @param label      its label in the requested language
 * @param skills     the skills to learn, by id; empty when a vacancy of the occupation is reachable already
 * @param reachable  how many open vacancies of the occupation are reachable with these skills
 * @param examples   ids of the best of them, best first, at most three
 */
public record CareerStep(String occupation, String label, List<Skill> skills, int reachable, List<String> examples) {
    /** A skill to learn. */
    public record Skill(String id, String label) {
    }

    /** Copies the lists. */
    public CareerStep {
        skills = List.copyOf(skills);
        examples = List.copyOf(examples);
    }
}
