package com.answerloop.capture;

import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchQuery;
import com.answerloop.search.SearchSort;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Search before you create" (KCS): the articles that may already cover what is about to be captured, so the agent
 * links one instead of writing a duplicate. Agents see not validated articles too: a draft in review is a duplicate.
 */
@Component
class ExistingArticles {

    static final int LIMIT = 5;

    private final SearchManagement search;

    ExistingArticles(SearchManagement search) {
        this.search = search;
    }

    /** The best matches for the (scrubbed) title among articles, best first; empty for a blank title. */
    List<SearchHit> similarTo(String title) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        return search.search(new SearchQuery(title, null, List.of(), "article", SearchSort.RELEVANCE, 0, LIMIT), true)
                .hits();
    }
}
