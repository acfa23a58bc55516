package com.answerloop.shared.web;

/**
 * What the layout needs to describe a page to browsers, search engines and link previews.
 *
 * @param title the page title (escaped by the template)
 * @param description the meta description, plain text
 * @param canonicalPath the path of the canonical URL, resolved against the configured base URL
 * @param type the Open Graph type, {@code website} or {@code article}
 */
public record PageMeta(String title, String description, String canonicalPath, String type) {

    /** Request attribute holding a reader-facing explanation for an error page (4xx only). */
    public static final String ERROR_MESSAGE_ATTRIBUTE = "answerloop.errorMessage";

    public static PageMeta website(String title, String description, String canonicalPath) {
        return new PageMeta(title, description, canonicalPath, "website");
    }

    public static PageMeta article(String title, String description, String canonicalPath) {
        return new PageMeta(title, description, canonicalPath, "article");
    }
}
