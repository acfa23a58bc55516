package com.answerloop.capture;

/** The kinds of personal data and secrets the scrubber finds, with the placeholder that replaces each. */
public enum PiiKind {
    SECRET("[secret removed]"),
    EMAIL("[email removed]"),
    IBAN("[IBAN removed]"),
    CARD("[card number removed]"),
    IP("[IP address removed]"),
    PHONE("[phone removed]"),
    ACCOUNT("[account number removed]"),
    NAME("[name removed]");

    private final String placeholder;

    PiiKind(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }
}
