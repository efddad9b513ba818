package nl.werkmatch.matcher.model;

import nl.werkmatch.matcher.InvalidInputException;

/** What the records' constructors refuse, as {@link InvalidInputException}s naming the field, like every input error. */
final class Checks {
    private Checks() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "missing (null)");
        }
        return value;
    }

    static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidInputException(field, message);
        }
    }
}
