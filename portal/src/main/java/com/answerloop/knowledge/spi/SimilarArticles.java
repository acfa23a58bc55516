package com.answerloop.knowledge.spi;

import java.util.List;

/**
 * Finds the articles closest to one article in meaning, for the "Related articles" of its page. The
 * search module implements it: knowledge sits below search and cannot call it directly.
 */
public interface SimilarArticles {

    /**
     * Ids of the articles most alike, best first, without the article itself. The list may hold articles the page
     * does not show (not validated ones, for agents); the caller keeps those it may list.
     *
     * @param seesInternal whether the reader may see internal articles; others never reach the list
     */
    List<Long> similarTo(long articleId, boolean seesInternal, int limit);
}
