package com.answerloop.capture;

import java.util.List;

/**
 * What saving a draft did: saved (the article's slug), or nothing yet because the edited text holds personal data
 * the author has not decided on; {@code toReview} lists it (one detection per distinct value).
 */
public record CaptureOutcome(String slug, List<Detection> toReview) {

    static CaptureOutcome saved(String slug) {
        return new CaptureOutcome(slug, List.of());
    }

    static CaptureOutcome review(List<Detection> found) {
        return new CaptureOutcome(null, List.copyOf(found));
    }

    public boolean isSaved() {
        return toReview.isEmpty();
    }
}
