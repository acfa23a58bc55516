package com.answerloop.capture;

import java.util.List;

/**
 * A draft article proposed from a solved case or a thread's accepted answer, before scrubbing is applied: the
 * template text with the personal data still in it (shown only to the agent, highlighted) and what the scrubber
 * found.
 *
 * @param reference the case reference ({@code AL-1001}) or {@code thread-12}
 * @param names people's names the scrubber looks for (the customer, the asker)
 * @param attribution Markdown crediting the source, appended to the article after scrubbing; {@code null} for cases
 */
public record CaptureProposal(
        String reference,
        String title,
        String text,
        List<Detection> detections,
        List<String> names,
        String attribution) {

    public CaptureProposal {
        detections = List.copyOf(detections);
        names = names == null ? List.of() : List.copyOf(names);
    }

    CaptureProposal(String reference, String title, String text, List<Detection> detections) {
        this(reference, title, text, detections, List.of(), null);
    }
}
