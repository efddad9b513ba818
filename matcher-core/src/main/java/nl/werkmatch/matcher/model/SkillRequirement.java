package nl.werkmatch.matcher.model;


/** A skill a vacancy asks for, by taxonomy id, with how much it matters. */
public record SkillRequirement(String id, Importance importance) {
    /** Checks that the id and the importance are given. */
    public SkillRequirement {
        Checks.present(id, "id");
        Checks.present(importance, "importance");
    }
}
