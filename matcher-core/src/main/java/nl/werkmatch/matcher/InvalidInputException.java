package nl.werkmatch.matcher;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks the exchange format or refers to something unknown. Lists every problem found, each
 * with its path, so that a person can fix them all at once. Nothing was written.
 */
public final class InvalidInputException extends WerkmatchException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /** An exception listing these problems; needs at least one. */
    public InvalidInputException(List<Problem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** An exception with one problem at one path. */
    public InvalidInputException(String path, String message) {
        this(List.of(new Problem(path, message)));
    }

    /** Every problem found, each with its path. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
