/**
 * Who is never seen: the inclusion audit ({@link nl.werkmatch.matcher.Matcher#audit}, {@link AuditRequest},
 * {@link AuditReport}, written by {@link AuditJson} and {@link AuditHtml}) and fairness-aware ranking of candidate
 * pages ({@link Fairness}, a {@link nl.werkmatch.matcher.MatchRequest} option). Built on the matcher's public
 * ranking and advice, plus the engine's exact count of who is eligible for a vacancy; the audit fields (gender,
 * birth year, country of origin) are read here and nowhere in scoring.
 */
package nl.werkmatch.matcher.audit;
