package com.answerloop.cases;

/**
 * An agent answered a request for the first time (a public reply; internal notes do not count).
 *
 * @param seconds the wall-clock time from the request to the answer
 * @param withinTarget whether the answer came within the published first-response target, counted in business time
 *     ({@code answerloop.cases.first-response-target}, weekends excluded)
 */
public record FirstResponseGiven(String reference, String category, long seconds, boolean withinTarget) {}
