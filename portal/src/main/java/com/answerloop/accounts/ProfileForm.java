package com.answerloop.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The public profile fields a user edits. */
record ProfileForm(
        @NotBlank(message = "Enter a display name.") @Size(max = 60, message = "Use at most 60 characters.")
        String displayName,

        @Size(max = 2000, message = "Use at most 2000 characters.")
        String about) {}
