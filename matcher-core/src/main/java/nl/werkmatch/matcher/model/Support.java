package nl.werkmatch.matcher.model;

/** Support an employer offers on the job; language support lowers the Dutch level a vacancy needs. */
public enum Support {
    JOBCOACH, LANGUAGE_BUDDY, LANGUAGE_COURSE, MENTOR, TRAINING, TRANSPORT
}
