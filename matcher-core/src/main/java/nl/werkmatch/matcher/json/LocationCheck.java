package nl.werkmatch.matcher.json;

/**
 * Whether a municipality code or a postcode exists, for {@code ExchangeFormat.create(LocationCheck)}. The
 * format itself only checks the shape of a code; this answers whether the place is real. Implementations must
 * be thread-safe.
 */
interface LocationCheck {

    /** Whether a CBS municipality code such as {@code GM0363} exists. */
    boolean municipalityExists(String code);

    /** Whether a four-digit postcode (PC4) such as {@code 5611} exists. */
    boolean postcodeExists(String pc4);
}
