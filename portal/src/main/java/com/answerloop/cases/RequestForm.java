package com.answerloop.cases;

/** The contact form's fields; {@code email} is ignored for signed-in customers. */
record RequestForm(String subject, String description, String email, String name, String category) {

    RequestForm {
        subject = subject == null ? "" : subject;
        description = description == null ? "" : description;
        email = email == null ? "" : email;
        name = name == null ? "" : name;
        category = category == null ? "" : category;
    }

    static RequestForm empty() {
        return new RequestForm("", "", "", "", "");
    }

    /** What to look up for suggestions: the subject, then the start of the description. */
    String lookupText() {
        String text = (subject + " " + description).strip();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
