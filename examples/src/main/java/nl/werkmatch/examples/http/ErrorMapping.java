package nl.werkmatch.examples.http;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.NotFoundException;

/** Which HTTP problem a failure becomes; anything unforeseen is a 500 that tells the client nothing more. */
final class ErrorMapping {

    ApiException toProblem(Exception e) {
        return switch (e) {
            case ApiException api -> api;
            case InvalidInputException invalid -> ApiException.invalidInput(
                    invalid.problems().size() == 1 ? "the input has a problem" : "the input has " + invalid.problems().size() + " problems",
                    invalid.problems());
            case NotFoundException notFound -> ApiException.notFound(notFound.getMessage());
            default -> ApiException.internal();
        };
    }
}
