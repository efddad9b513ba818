package nl.werkmatch.examples;

/** Exit codes of the command line (64 is EX_USAGE from sysexits, kept apart from import's 2). */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int REJECTED = 2;
    static final int USAGE = 64;

    private ExitCodes() {
    }
}
