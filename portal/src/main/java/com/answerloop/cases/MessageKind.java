package com.answerloop.cases;

/** Who wrote a case message and who may read it. Only {@link #INTERNAL_NOTE} is hidden from the customer. */
public enum MessageKind {
    CUSTOMER,
    AGENT_REPLY,
    INTERNAL_NOTE;

    public boolean isPublic() {
        return this != INTERNAL_NOTE;
    }
}
