package com.answerloop.cases;

/** Who wrote a case message and who may read it. Only {@link #INTERNAL_NOTE} is hidden from the customer. */
public enum MessageKind {
    CUSTOMER,
    AGENT_REPLY,
    INTERNAL_NOTE;

    public boolean isPublic() {
        return this != INTERNAL_NOTE;
    }

    public boolean fromCustomer() {
        return this == CUSTOMER;
    }

    /** How the agent console labels a message of this kind. */
    public String consoleLabel() {
        return switch (this) {
            case CUSTOMER -> "customer";
            case AGENT_REPLY -> "reply";
            case INTERNAL_NOTE -> "internal note";
        };
    }
}
