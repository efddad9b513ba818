/** The Lucene ranking core: documents, query compilation, searcher management, commits. Internal. */
package nl.werkmatch.matcher.index;
