/** The score of a (profile, vacancy) pair and its explanation: one definition, used by every execution path. */
package nl.werkmatch.matcher.scoring;
