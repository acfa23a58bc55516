package com.answerloop.cases;

/**
 * An agent marked a case solved; {@code linkedDocuments} is how many articles or threads were linked to it, and
 * {@code solvedBy} the display name of the agent who solved it (for KCS participation per agent).
 */
public record CaseResolved(String reference, int linkedDocuments, String solvedBy) {}
