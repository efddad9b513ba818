package nl.werkmatch.matcher.audit.internal;

import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.Fairness;
import nl.werkmatch.matcher.model.Audit;

/** Reading the audit fields of a profile as the values the audit groups by and the fairness constraint tests. */
final class AuditFields {
    private AuditFields() {
    }

    /** The age band of someone born in {@code birthYear}, in {@code year}; {@link AuditReport#UNKNOWN} without a year. */
    static String ageBand(Integer birthYear, int year) {
        if (birthYear == null) {
            return AuditReport.UNKNOWN;
        }
        int age = year - birthYear;
        if (age < 0) {
            return AuditReport.UNKNOWN;
        }
        int band = age < 25 ? 0 : age < 35 ? 1 : age < 45 ? 2 : age < 55 ? 3 : 4;
        return Fairness.AGE_BANDS.get(band);
    }

    /** The value of the constraint's attribute, or null when the profile does not have it. */
    static String value(Audit audit, Fairness.Attribute attribute, int year) {
        return switch (attribute) {
            case GENDER -> blankToNull(audit.gender());
            case COUNTRY_OF_ORIGIN -> blankToNull(audit.countryOfOrigin());
            case AGE_BAND -> audit.birthYear() == null ? null : ageBand(audit.birthYear(), year);
        };
    }

    static String orUnknown(String value) {
        String v = blankToNull(value);
        return v == null ? AuditReport.UNKNOWN : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
