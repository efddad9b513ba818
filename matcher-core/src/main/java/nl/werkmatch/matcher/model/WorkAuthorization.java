package nl.werkmatch.matcher.model;

/** Whether a candidate may work in the Netherlands. PERMIT_REQUIRED (an asylum seeker in the procedure) may work only where the employer obtains a work permit (TWV). */
public enum WorkAuthorization {
    /** May work (a statushouder with a residence permit, for example). */
    FREE,
    /** May work only where the employer obtains a work permit (TWV): an asylum seeker in the procedure. */
    PERMIT_REQUIRED,
    /** May not work. */
    NOT_ALLOWED
}
