package nl.werkmatch.matcher.model;

/** Whether a candidate may work in the Netherlands. PERMIT_REQUIRED (an asylum seeker in the procedure) may work only where the employer obtains a work permit (TWV). */
public enum WorkAuthorization {
    FREE, PERMIT_REQUIRED, NOT_ALLOWED
}
