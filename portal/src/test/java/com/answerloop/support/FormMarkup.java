package com.answerloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a rendered form the way the field fragment writes it: a control by its id, a refused field's message. */
public final class FormMarkup {

    private FormMarkup() {}

    /** The opening tag of the form control with this id. */
    public static String control(String page, String id) {
        Matcher tag = Pattern.compile("<(?:input|textarea|select)[^>]*\\bid=\"" + id + "\"[^>]*>")
                .matcher(page);
        assertThat(tag.find()).as("control #" + id).isTrue();
        return tag.group();
    }

    /** The text of the refused field's message with this id. */
    public static String errorText(String page, String id) {
        Matcher error = Pattern.compile("<p id=\"" + id + "\" class=\"field-error\">([^<]*)</p>")
                .matcher(page);
        assertThat(error.find()).as("error #" + id).isTrue();
        return error.group(1).strip();
    }
}
