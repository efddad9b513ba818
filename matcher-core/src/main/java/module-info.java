/** Werkmatch: skills-based job matching for refugees in the Netherlands. */
module nl.werkmatch.matcher {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.google.common;
    requires org.apache.lucene.core;
    requires org.apache.lucene.analysis.common;

    exports nl.werkmatch.matcher;
    exports nl.werkmatch.matcher.json;
    exports nl.werkmatch.matcher.model;
    exports nl.werkmatch.matcher.taxonomy;
    exports nl.werkmatch.matcher.geo;
    exports nl.werkmatch.matcher.scoring;
    exports nl.werkmatch.matcher.synthetic;
    exports nl.werkmatch.matcher.allocation;
    exports nl.werkmatch.matcher.evaluation;
    exports nl.werkmatch.matcher.audit; // its implementation, nl.werkmatch.matcher.audit.internal, stays internal
    exports nl.werkmatch.matcher.advice;
    // nl.werkmatch.matcher.index (Lucene documents, queries, storage) stays internal
}
