package com.answerloop.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a visitor enters to register. The password rules beyond "not blank" live in {@link PasswordPolicy}. */
record RegistrationForm(
        @NotBlank(message = "Enter your email address.")
        @Email(message = "Enter a valid email address, like name@example.com.")
        @Size(max = 254, message = "Use at most 254 characters.")
        String email,

        @NotBlank(message = "Enter a display name.") @Size(max = 60, message = "Use at most 60 characters.")
        String displayName,

        @NotBlank(message = "Choose a password.") String password) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "");
    }
}
