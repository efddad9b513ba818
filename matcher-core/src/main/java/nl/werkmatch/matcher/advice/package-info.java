/**
 * Advice that opens doors: for a job seeker, the single changes (a skill, a Dutch level, a recognised diploma, a
 * wider search) that make the most open vacancies reachable, each with its exact effect under the real score and
 * the real hard filters; see {@link nl.werkmatch.matcher.Matcher#adviseProfile(String, AdviceRequest)}.
 */
package nl.werkmatch.matcher.advice;
