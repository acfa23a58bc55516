package com.answerloop.knowledge;

import java.util.List;
import org.springframework.stereotype.Service;

/** The knowledge module's entry point for other modules. */
@Service
public class ArticleManagement {

    /** Every published article in its current version, for (re)building derived data such as the search index. */
    public List<IndexableArticle> publishedArticles() {
        return List.of();
    }
}
