package nl.werkmatch.matcher.model;

/** Kinds of work, from regular jobs to the trajectories that lead towards one. */
public enum JobType {
    /** A regular job. */
    REGULAR,
    /** A starter job for people new to the Dutch labour market. */
    STARTBAAN,
    /** Learning and working at once, towards a qualification. */
    LEERWERKTRAJECT,
    /** A work-experience placement, usually unpaid, with guidance. */
    WERKERVARINGSPLAATS,
    /** A trial placement that keeps the benefit. */
    PROEFPLAATSING,
    /** An internship. */
    STAGE,
    /** Volunteering. */
    VRIJWILLIGERSWERK
}
