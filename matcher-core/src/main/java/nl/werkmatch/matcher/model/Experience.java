package nl.werkmatch.matcher.model;

import java.util.Objects;

/** Work experience in an occupation (by taxonomy id), in the Netherlands or the country of origin. */
public record Experience(String occupation, double years) {
    public Experience {
        Objects.requireNonNull(occupation, "occupation");
        if (!(years >= 0)) {
            throw new IllegalArgumentException("years must be >= 0");
        }
    }
}
