package nl.werkmatch.matcher.model;

import java.util.Objects;

/** A skill a vacancy asks for, by taxonomy id, with how much it matters. */
public record SkillRequirement(String id, Importance importance) {
    public SkillRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(importance, "importance");
    }
}
