package nl.werkmatch.matcher.taxonomy;

/**
 * The kind of a taxonomy concept. GROUP is a hierarchy node that is not itself a skill (an ESCO skill group);
 * vacancies may still ask for one, meaning "any skill in this group".
 */
public enum SkillType {
    /** A skill or competence. */
    SKILL,
    /** A knowledge area. */
    KNOWLEDGE,
    /** A group of skills, not itself a skill. */
    GROUP
}
