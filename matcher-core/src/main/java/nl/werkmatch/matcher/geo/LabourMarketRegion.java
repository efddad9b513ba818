package nl.werkmatch.matcher.geo;

import java.util.Objects;

/** One of the 35 Dutch labour market regions (arbeidsmarktregio's), named as CBS writes it. */
public record LabourMarketRegion(String name) {

    /** Checks that the name is given and not blank. */
    public LabourMarketRegion {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a labour market region needs a name");
        }
    }
}
