package nl.werkmatch.examples;

/** A mistake of the person at the command line that the CLI itself finds (a missing data directory, ...). */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
