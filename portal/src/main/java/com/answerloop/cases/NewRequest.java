package com.answerloop.cases;

/**
 * What the contact form hands over.
 *
 * @param searchedWords what the customer searched for in this visit before submitting (may be empty)
 */
public record NewRequest(
        String subject, String description, String email, String name, String category, String searchedWords) {}
