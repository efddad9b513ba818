package nl.werkmatch.matcher.model;

/** Dutch education levels in increasing order; a foreign diploma is mapped to its Dutch equivalent. */
public enum EducationLevel {
    NONE, PRIMARY, MBO1, MBO2, MBO3, MBO4, HBO, WO
}
