package com.answerloop.capture;

/** One piece of personal data found in a text: its kind and where it is ({@code end} exclusive). */
public record Detection(PiiKind kind, int start, int end, String text) {

    boolean overlaps(Detection other) {
        return start < other.end && other.start < end;
    }
}
