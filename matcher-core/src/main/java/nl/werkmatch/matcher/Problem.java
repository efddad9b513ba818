package nl.werkmatch.matcher;

import java.util.Objects;

/**
 * One thing wrong with an input, at a JSON-style path ({@code skills[2].id}, {@code dutch.speaking}); an
 * empty path means the input as a whole.
 */
public record Problem(String path, String message) {
    /** Checks that the path and message are given. */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
