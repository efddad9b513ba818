package nl.werkmatch.matcher;

import java.nio.file.Path;

/**
 * A data directory is open for writing in another matcher, in this process or another one (a running server?).
 * Only one matcher at a time may write a directory; {@link Matcher#inspect(Path)} reads it while it is in use.
 */
public final class DataDirectoryLockedException extends WerkmatchException {
    private static final long serialVersionUID = 1L;

    /** The message names the directory; {@code cause} is the storage layer's lock failure. */
    public DataDirectoryLockedException(Path directory, Throwable cause) {
        super("the data directory " + directory + " is in use by another matcher (a running server?); close that "
                + "first, or use its API", cause);
    }
}
