/** Skill taxonomies: the concept graph, loaders, similarity and label search. */
package nl.werkmatch.matcher.taxonomy;
