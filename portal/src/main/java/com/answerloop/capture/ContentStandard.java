package com.answerloop.capture;

import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The KCS content standard a draft must meet before an editor can publish it: a title, a category readers can browse
 * to, no template hint left in, and no personal data the scrubber still finds. Editors see the list on the article's
 * review page; approving is refused while it is not empty.
 */
@Component
class ContentStandard {

    private final CaptureManagement capture;
    private final ArticleManagement articles;

    ContentStandard(CaptureManagement capture, ArticleManagement articles) {
        this.capture = capture;
        this.articles = articles;
    }

    /** Why the draft cannot be published yet, one sentence per problem; empty when it meets the standard. */
    List<String> problems(ArticleDraft draft) {
        List<String> problems = new ArrayList<>();
        if (draft.title() == null || draft.title().isBlank()) {
            problems.add("It has no title.");
        }
        if (draft.categoryPath() == null) {
            problems.add("It is in no category, so readers cannot browse to it: the author chooses one.");
        }
        for (String hint : KcsTemplate.hintsIn(draft.body())) {
            problems.add("It still contains the template's hint \"" + hint + "\": fill the section in or remove it.");
        }
        List<Detection> personal = capture.personalDataIn(draft);
        if (!personal.isEmpty()) {
            problems.add("It still contains personal data: "
                    + personal.stream()
                            .map(d -> d.kind().name().toLowerCase(Locale.ROOT) + " \"" + d.text() + "\"")
                            .distinct()
                            .collect(Collectors.joining(", "))
                    + ".");
        }
        return problems;
    }

    /** Publishes the draft if it meets the standard; otherwise changes nothing and returns the problems. */
    List<String> approve(String slug) {
        ArticleDraft draft = articles.draft(slug).orElseThrow(() -> new ArticleProblem("No article " + slug + "."));
        List<String> problems = problems(draft);
        if (problems.isEmpty()) {
            articles.approve(slug);
        }
        return problems;
    }
}
