package nl.werkmatch.matcher.model;

/** Support an employer offers on the job; language support lowers the Dutch level a vacancy needs. */
public enum Support {
    /** A job coach. */
    JOBCOACH,
    /** A colleague who helps with Dutch on the job (taal op de werkvloer). */
    LANGUAGE_BUDDY,
    /** A Dutch course paid or given by the employer. */
    LANGUAGE_COURSE,
    /** A mentor at work. */
    MENTOR,
    /** Training for the job. */
    TRAINING,
    /** Transport to work. */
    TRANSPORT
}
