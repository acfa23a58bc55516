package com.answerloop.knowledge;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an article back in kb-content format. The version's front matter and body are written as they arrived, except
 * for what editors changed on the web since: promotion, owner, review interval and verification date are written as
 * stored, so importing the export gives the same article. The owner's email address is staff information: exports for
 * readers who cannot see internal articles leave it out.
 */
final class ArticleExport {

    private ArticleExport() {}

    static String file(Article article, ArticleVersion version, boolean forStaff) {
        String front = version.frontMatter();
        Map<String, Object> fields;
        ReviewTerms inFile;
        try {
            fields = SourceParser.yaml(front);
            inFile = SourceParser.review(fields, new SourceParser.Document(fields, front, version.body()));
        } catch (InvalidSourceException e) {
            return file(front, version.body()); // stored versions were valid when stored; never rewrite a puzzle
        }
        if (!Objects.equals(fields.getOrDefault("promoted", false), article.promoted())) {
            front = withKey(front, "promoted", String.valueOf(article.promoted()));
        }
        ReviewTerms stored = article.reviewTerms();
        String owner = forStaff ? stored.owner() : null;
        if (!Objects.equals(inFile.owner(), owner)) {
            front = withKey(front, ReviewTerms.OWNER, owner);
        }
        if (!Objects.equals(inFile.everyDays(), stored.everyDays())) {
            front = withKey(
                    front,
                    ReviewTerms.REVIEW_EVERY,
                    stored.everyDays() == null ? null : ReviewTerms.formatInterval(stored.everyDays()));
        }
        if (!Objects.equals(inFile.verified(), stored.verified())) {
            front = withKey(
                    front,
                    ReviewTerms.VERIFIED,
                    stored.verified() == null ? null : stored.verified().toString());
        }
        return file(front, version.body());
    }

    static String file(String frontMatter, String body) {
        return "---\n" + frontMatter + "---\n" + body;
    }

    /** Sets a top-level key on its own line (replacing the line and any indented continuation), or removes it. */
    static String withKey(String frontMatter, String key, String value) {
        Matcher existing = Pattern.compile("(?m)^" + Pattern.quote(key) + ":.*(?:\\n[ \\t]+.*)*(?:\\n|\\z)")
                .matcher(frontMatter);
        String line = value == null ? "" : key + ": " + value + "\n";
        if (existing.find()) {
            return frontMatter.substring(0, existing.start()) + line + frontMatter.substring(existing.end());
        }
        String base = frontMatter.isEmpty() || frontMatter.endsWith("\n") ? frontMatter : frontMatter + "\n";
        return base + line;
    }
}
