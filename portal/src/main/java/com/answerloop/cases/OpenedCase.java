package com.answerloop.cases;

/** A new case's reference and the secret link that opens it without signing in (sent by email, shown once). */
public record OpenedCase(String reference, String accessPath) {}
