package com.answerloop.accounts;

import java.time.Instant;

/** Someone registered an account (the email is not verified yet). */
public record AccountRegistered(long accountId, String email, String displayName, Instant registeredAt) {}
