package com.answerloop.analytics;

/** What a daily aggregate row counts; the subject column says per what (query, article, category, member). */
enum Metric {
    /** Searches, per scrubbed query. */
    SEARCHES,
    /** Searches that found nothing, per scrubbed query. */
    ZERO_RESULT_SEARCHES,
    /** Result clicks, per scrubbed query. */
    SEARCH_CLICKS,
    /** Searches whose 60-second follow-up window has passed (see {@link SearchSequences}), per scrubbed query. */
    SEARCHES_FOLLOWED,
    /** Followed searches after which the visitor searched other words within 60 s, per scrubbed query. */
    SEARCH_REFINEMENTS,
    /** Followed searches after which the visitor neither clicked a result nor searched again, per scrubbed query. */
    SEARCH_EXITS,
    /** Article pages served, per article slug (counted by the request filter). */
    ARTICLE_VIEWS,
    /** Article pages served to readers who are not staff, per article slug: what "popular" means on the home page. */
    CUSTOMER_ARTICLE_VIEWS,
    /** Result clicks, per opened document key ({@code article:12}). */
    DOCUMENT_CLICKS,
    /** "Was this helpful?" yes votes, per document key. */
    HELPFUL_VOTES,
    /** "Was this helpful?" no votes, per document key. */
    UNHELPFUL_VOTES,
    /** Votes that came with a comment, per document key. */
    VOTE_COMMENTS,
    /** Requests submitted, per request category. */
    CASES_OPENED,
    /** Cases solved (subject empty). */
    CASES_RESOLVED,
    /** Cases solved with at least one linked article or thread (subject empty). */
    CASES_RESOLVED_WITH_LINK,
    /** Cases solved, per agent (display name). */
    CASES_RESOLVED_BY_AGENT,
    /** Cases solved with at least one linked article or thread, per agent (display name). */
    CASES_RESOLVED_WITH_LINK_BY_AGENT,
    /** Links from a case to a document: a citation, per document key. */
    CITATIONS,
    /** Flags raised on a document, per document key. */
    FLAGS,
    /** Flags an editor resolved, per whole hours the flag was open (the subject), for the time to fix. */
    FLAGS_FIXED,
    /** "This answered my question" on a contact-form suggestion, per document key. */
    DEFLECTIONS,
    /** Articles published or republished, per document key. */
    ARTICLES_PUBLISHED,
    /** Community questions asked (subject empty). */
    QUESTIONS,
    /** Community answers, per author id. */
    ANSWERS,
    /** Accepted community answers, per answerer id. */
    ACCEPTED_ANSWERS
}
