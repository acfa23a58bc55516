package com.answerloop.knowledge;

import java.time.LocalDate;

/**
 * Where an article stands in its review cycle.
 *
 * @param owner the email address of who keeps it right, or {@code null} when nobody does
 * @param everyDays the review interval in days: the article's own, else its section's or category's, else the portal's
 * @param intervalSource where the interval comes from: {@code article}, {@code category} or {@code default}
 * @param lastReviewed the later of the last verification and the date of the current version
 * @param verifiedOn when an editor last confirmed it is still right, or {@code null}
 * @param dueOn when the next review is due: the last review plus the interval
 * @param due whether that day has come
 */
public record ArticleReview(
        String slug,
        String title,
        String owner,
        int everyDays,
        String intervalSource,
        LocalDate lastReviewed,
        LocalDate verifiedOn,
        LocalDate dueOn,
        boolean due) {

    /** The editor's page of the article, where it is verified. */
    public String editorUrl() {
        return "/editor/articles/" + slug;
    }

    /** The interval as the front matter writes it, like {@code 180d}. */
    public String interval() {
        return ReviewTerms.formatInterval(everyDays);
    }
}
