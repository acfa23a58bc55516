package com.answerloop.capture;

/**
 * What the author typed in the capture or draft editor.
 *
 * @param categoryPath {@code category} or {@code category/section}; blank keeps the current one (none for a new draft)
 */
public record ArticleFields(String title, String body, String categoryPath) {

    public ArticleFields {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        categoryPath = categoryPath == null || categoryPath.isBlank() ? null : categoryPath.strip();
    }
}
