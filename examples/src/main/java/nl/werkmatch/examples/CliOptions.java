package nl.werkmatch.examples;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.allocation.AllocationRequest;

/** Turns the library's checks of a request into the command line's words (option names, not field paths). */
final class CliOptions {
    private CliOptions() {
    }

    static AllocationRequest request(AllocationRequest.Builder b) {
        try {
            return b.build();
        } catch (InvalidInputException e) {
            Problem p = e.problems().get(0);
            String option = switch (p.path()) {
                case "perPosition" -> "--per-position";
                case "maxPerCandidate" -> "--max-per-candidate";
                case "minScore" -> "--min-score";
                case "priorityForUnseen" -> "--priority-for-unseen";
                case "maxCandidatesPerVacancy" -> "--max-candidates";
                default -> p.path();
            };
            throw new UserError(option + " " + p.message());
        }
    }
}
