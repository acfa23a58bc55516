package com.answerloop.community;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles: lower-case ASCII words joined by hyphens, never empty. */
final class Slugs {

    private Slugs() {}

    static String of(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "thread" : slug;
    }
}
