package com.answerloop.cases;

/** A customer submitted a request. Carries no personal data. */
public record CaseOpened(String reference, String category) {}
