package nl.werkmatch.matcher.model;

/** Dutch education levels in increasing order; a foreign diploma is mapped to its Dutch equivalent. */
public enum EducationLevel {
    /** No education, or none that is known. */
    NONE,
    /** Primary school. */
    PRIMARY,
    /** MBO level 1 (entrance training). */
    MBO1,
    /** MBO level 2 (basic vocational). */
    MBO2,
    /** MBO level 3 (professional). */
    MBO3,
    /** MBO level 4 (middle management, specialist). */
    MBO4,
    /** Higher professional education (bachelor). */
    HBO,
    /** University. */
    WO
}
