package nl.werkmatch.matcher.model;

/** Kinds of work, from regular jobs to the trajectories that lead towards one. */
public enum JobType {
    REGULAR, STARTBAAN, LEERWERKTRAJECT, WERKERVARINGSPLAATS, PROEFPLAATSING, STAGE, VRIJWILLIGERSWERK
}
