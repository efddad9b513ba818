package nl.werkmatch.matcher.model;


/** A skill a candidate has, by taxonomy id, with the evidence behind it. */
public record SkillClaim(String id, Evidence evidence) {
    /** Checks that the id and the evidence are given. */
    public SkillClaim {
        Checks.present(id, "id");
        Checks.present(evidence, "evidence");
    }

    /** A skill the person declares. */
    public static SkillClaim declared(String id) {
        return new SkillClaim(id, Evidence.DECLARED);
    }
}
