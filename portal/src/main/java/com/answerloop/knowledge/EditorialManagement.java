package com.answerloop.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors and authors need beyond the article itself: where an article can be filed, which articles the home
 * page promotes, and what readers wrote when they voted "No" (the help center promises editors read it; other readers
 * never see it).
 */
@Service
@Transactional(readOnly = true)
public class EditorialManagement {

    private static final Logger log = LoggerFactory.getLogger(EditorialManagement.class);

    private final Categories categories;
    private final ArticleFeedbacks feedback;
    private final Articles articles;

    EditorialManagement(Categories categories, ArticleFeedbacks feedback, Articles articles) {
        this.categories = categories;
        this.feedback = feedback;
        this.articles = articles;
    }

    /**
     * Puts the article on the home page's promoted list, or takes it off: the list customers see until their visits
     * decide what is popular. Returns false when there is no such article.
     */
    @Transactional
    public boolean promote(String slug, boolean promoted, String by) {
        return articles.findBySlug(slug)
                .map(article -> {
                    article.promote(promoted);
                    log.info("{} {} {} on the home page", by, promoted ? "promoted" : "stopped promoting", slug);
                    return true;
                })
                .orElse(false);
    }

    /** Every category, each followed by its sections, in the order the help center lists them. */
    public List<CategoryChoice> categoryChoices() {
        List<Category> all = categories.findAllByOrderByPositionAscTitleAsc();
        List<CategoryChoice> choices = new ArrayList<>();
        for (Category category : all) {
            if (category.isSection()) {
                continue;
            }
            choices.add(new CategoryChoice(category.path(), category.title()));
            for (Category section : all) {
                if (section.parent() != null && section.parent().id().equals(category.id())) {
                    choices.add(new CategoryChoice(section.path(), category.title() + " › " + section.title()));
                }
            }
        }
        return choices;
    }

    /** The comments readers left with a "No" vote, per article id, newest first. */
    public Map<Long, List<ReaderComment>> readerComments(Collection<Long> articleIds) {
        Map<Long, List<ReaderComment>> byArticle = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return byArticle;
        }
        for (ArticleFeedback f :
                feedback.findByArticleIdInAndHelpfulFalseAndCommentIsNotNullOrderByCreatedAtDesc(articleIds)) {
            byArticle.computeIfAbsent(f.articleId(), id -> new ArrayList<>()).add(f.toReaderComment());
        }
        return byArticle;
    }
}
