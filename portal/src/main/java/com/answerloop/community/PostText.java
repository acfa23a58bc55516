package com.answerloop.community;

import static com.answerloop.community.CommunityProblem.Field.BODY;
import static com.answerloop.community.CommunityProblem.Field.TAGS;
import static com.answerloop.community.CommunityProblem.Field.TITLE;

import com.answerloop.shared.markdown.MarkdownRenderer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What a title, body, comment and tag list must look like before they are stored; each check returns the clean text. */
@Component
class PostText {

    static final int MAX_TITLE = 200;
    static final int MIN_TITLE = 10;
    static final int MAX_BODY = 30_000;
    static final int MIN_BODY = 20;
    static final int MAX_COMMENT = 600;
    static final int MAX_TAGS = 5;

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.+#-]{0,39}");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");

    private final MarkdownRenderer markdown;

    PostText(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    static String title(String title) {
        String clean = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (clean.length() < MIN_TITLE) {
            throw CommunityProblem.invalid(TITLE, "Write a title of at least " + MIN_TITLE + " characters.");
        }
        if (clean.length() > MAX_TITLE) {
            throw CommunityProblem.invalid(TITLE, "Keep the title to " + MAX_TITLE + " characters.");
        }
        return clean;
    }

    String body(String body) {
        String clean = body == null ? "" : body.strip();
        if (clean.length() < MIN_BODY) {
            throw CommunityProblem.invalid(BODY, "Write at least " + MIN_BODY + " characters.");
        }
        if (clean.length() > MAX_BODY) {
            throw CommunityProblem.invalid(BODY, "Keep it to " + MAX_BODY + " characters.");
        }
        // A post that cannot be rendered would break its thread for every reader, so it is never stored.
        markdown.renderingProblem(clean).ifPresent(problem -> {
            throw CommunityProblem.invalid(BODY, problem);
        });
        return clean;
    }

    static String comment(String body) {
        String text = body == null ? "" : body.strip();
        if (text.length() < 2) {
            throw CommunityProblem.invalid("Write a comment first.");
        }
        if (text.length() > MAX_COMMENT) {
            throw CommunityProblem.invalid("Keep comments to " + MAX_COMMENT + " characters.");
        }
        return text;
    }

    /** Tags: comma- or space-separated, lower case, letters, digits and {@code . + # -}, at most five. */
    static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : text.split("[,\\s]+")) {
            String tag = raw.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw CommunityProblem.invalid(
                        TAGS,
                        "Tags use letters, digits and . + # - (at most 40 characters): '"
                                + (tag.length() > 40 ? tag.substring(0, 40) + "…" : tag) + "' does not.");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw CommunityProblem.invalid(TAGS, "Use at most " + MAX_TAGS + " tags.");
        }
        return tags.stream().sorted().toList();
    }

    /** How many links the text holds, as the new-member link limit counts them. */
    static long links(String text) {
        return LINK.matcher(text).results().count();
    }
}
