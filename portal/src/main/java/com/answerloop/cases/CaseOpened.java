package com.answerloop.cases;

/**
 * A customer submitted a request. Carries no contact details; the subject and the words the customer searched before
 * (joined by {@code " | "}, empty if none) are the customer's own text, so a consumer that stores them scrubs them
 * first (the analytics module does).
 */
public record CaseOpened(String reference, String category, String subject, String searchedWords) {}
