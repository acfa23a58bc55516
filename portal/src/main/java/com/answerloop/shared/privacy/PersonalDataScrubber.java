package com.answerloop.shared.privacy;

/**
 * Masks personal data and secrets (email addresses, phone numbers, account numbers, passwords...) in a short text. The
 * capture module implements it with its scrubber; modules below capture (search) use it through this interface, so
 * the detection rules live in one place and the module dependencies still point downward.
 */
public interface PersonalDataScrubber {

    /** The text with every detection replaced by a placeholder such as {@code [email]}; unchanged when clean. */
    String scrub(String text);

    /** Whether the text holds anything the scrubber would mask. */
    default boolean containsPersonalData(String text) {
        return !scrub(text).equals(text);
    }
}
