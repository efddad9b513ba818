package nl.werkmatch.matcher.model;

import java.util.Objects;

/** A skill a candidate has, by taxonomy id, with the evidence behind it. */
public record SkillClaim(String id, Evidence evidence) {
    public SkillClaim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static SkillClaim declared(String id) {
        return new SkillClaim(id, Evidence.DECLARED);
    }
}
