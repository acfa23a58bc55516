package com.answerloop.capture;

import java.util.List;
import org.springframework.web.bind.annotation.BindParam;

/**
 * What the draft editors send, capturing a case or a thread or revising one's own draft: the article's fields, the
 * button pressed, the detections kept on the review step ({@code keep}, by index) and the author's decisions on
 * personal data found in an edit ({@code keepValue}, {@code reviewed}). Title, body and category are checked where
 * every article's are, in knowledge, whose refusal names the field to show it beside.
 */
record DraftForm(
        String title,
        String body,
        String category,
        List<Integer> keep,
        @BindParam("keepValue") List<String> keptValues,
        List<String> reviewed,
        String action) {

    ArticleFields fields() {
        return new ArticleFields(title, body, category);
    }

    /** The same form showing other fields: a stored draft's, or the proposal's on the first step. */
    DraftForm showing(ArticleFields shown) {
        return new DraftForm(shown.title(), shown.body(), shown.categoryPath(), keep, keptValues, reviewed, action);
    }

    PersonalDataDecisions decisions() {
        return PersonalDataDecisions.of(keptValues, reviewed);
    }

    // public: the editor page's template reads it
    public List<Integer> kept() {
        return keep == null ? List.of() : keep;
    }

    /** The review step sends only what to keep; the editor then opens with the scrubbed proposal. */
    boolean firstStep() {
        return body == null;
    }

    boolean previewing() {
        return "preview".equals(action);
    }

    boolean submitting() {
        return "submit".equals(action);
    }
}
