package com.answerloop.cases;

/** An agent marked a case solved; {@code linkedDocuments} is how many articles or threads were linked to it. */
public record CaseResolved(String reference, int linkedDocuments) {}
