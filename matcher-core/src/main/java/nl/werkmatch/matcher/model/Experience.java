package nl.werkmatch.matcher.model;

import nl.werkmatch.matcher.InvalidInputException;

/** Work experience in an occupation (by taxonomy id), in the Netherlands or the country of origin. */
public record Experience(String occupation, double years) {
    /** Checks that the occupation is given and the years are not negative. */
    public Experience {
        Checks.present(occupation, "occupation");
        if (!(years >= 0)) {
            throw new InvalidInputException("years", "must be >= 0, got " + years);
        }
    }
}
