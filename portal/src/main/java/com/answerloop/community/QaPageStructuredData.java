package com.answerloop.community;

import com.answerloop.shared.markdown.MarkdownRenderer;
import com.answerloop.shared.web.JsonLd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The schema.org {@code QAPage} description search engines read from a thread page: the question, its accepted answer
 * and the other visible answers. The forum's counterpart of {@code knowledge.ArticleStructuredData}.
 */
@Component
class QaPageStructuredData {

    private final MarkdownRenderer markdown;

    QaPageStructuredData(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    String jsonLd(ThreadPage thread) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("@type", "Question");
        question.put("name", thread.title());
        question.put("text", markdown.toPlainText(thread.question().markdown()));
        question.put("answerCount", thread.visibleAnswerCount());
        question.put("upvoteCount", thread.question().score());
        question.put("dateCreated", thread.created().toString());
        question.put("author", person(thread.question().authorName()));
        List<Map<String, Object>> suggested = new ArrayList<>();
        for (PostView answer : thread.answers()) {
            if (answer.hidden() || answer.held()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "Answer");
            item.put("text", markdown.toPlainText(answer.markdown()));
            item.put("upvoteCount", answer.score());
            item.put("dateCreated", answer.created().toString());
            item.put("url", thread.url() + "#post-" + answer.id());
            item.put("author", person(answer.authorName()));
            if (answer.accepted()) {
                question.put("acceptedAnswer", item);
            } else {
                suggested.add(item);
            }
        }
        if (!suggested.isEmpty()) {
            question.put("suggestedAnswer", suggested);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "QAPage");
        page.put("mainEntity", question);
        return JsonLd.toScript(page);
    }

    private static Map<String, Object> person(String name) {
        return Map.of("@type", "Person", "name", name);
    }
}
