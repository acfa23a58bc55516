package com.answerloop.capture;

import com.answerloop.cases.CaseView;
import com.answerloop.cases.MessageKind;
import com.answerloop.community.AcceptedAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The KCS article structure (Issue, Environment, Resolution, Cause) a capture starts from, and the clean-up before a
 * draft is stored: sections the author left as the template's hint are dropped, so a hint is never published, and
 * community {@code @mentions} (people talking to each other, not article content) are taken out.
 */
final class KcsTemplate {

    static final String ENVIRONMENT_HINT = "_Product, plan, platform, version._";
    static final String RESOLUTION_HINT = "_Describe the steps that solved it._";
    static final String CAUSE_HINT = "_Why it happened, if known._";

    /** Every hint the template writes; a published article must contain none of them. */
    static final List<String> HINTS = List.of(ENVIRONMENT_HINT, RESOLUTION_HINT, CAUSE_HINT);

    /** The same syntax the forum reads as a mention; an email address's "@" is preceded by a word character. */
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\w@])@[\\p{L}\\p{N}_.-]{1,59}[\\p{L}\\p{N}_][,:]?[ \\t]?");

    private static final Pattern SECTION = Pattern.compile("(?m)^## [^\\n]*\\n");

    private KcsTemplate() {}

    /** The KCS structure, filled with the customer's own words and the agent's last public reply. */
    static String of(CaseView view) {
        StringBuilder issue = new StringBuilder();
        for (CaseView.Message m : view.customerMessages()) {
            issue.append(m.body().strip()).append("\n\n");
        }
        String resolution = view.messages().stream()
                .filter(m -> m.kind() == MessageKind.AGENT_REPLY)
                .reduce((first, second) -> second)
                .map(m -> m.body().strip())
                .orElse(RESOLUTION_HINT);
        String customersAlso = view.searchedWords() == null
                        || view.searchedWords().isBlank()
                ? ""
                : "Customers also describe this as: " + view.searchedWords().replace(" | ", "; ") + "\n\n";
        String environment = view.category() == null ? ENVIRONMENT_HINT : "Area: " + view.category();
        return structure(issue + customersAlso, environment, resolution);
    }

    /** The KCS structure from a thread: the question in the asker's words, the accepted answer as resolution. */
    static String of(AcceptedAnswer answer) {
        return structure(
                withoutMentions(answer.question().strip()) + "\n\n",
                ENVIRONMENT_HINT,
                withoutMentions(answer.answer().strip()));
    }

    private static String structure(String issue, String environment, String resolution) {
        return "## Issue\n\n" + issue + "## Environment\n\n" + environment + "\n\n## Resolution\n\n" + resolution
                + "\n\n## Cause\n\n" + CAUSE_HINT + "\n";
    }

    /** The text with each {@code @name} (and the comma or colon addressing it) removed. */
    static String withoutMentions(String text) {
        return MENTION.matcher(text).replaceAll("");
    }

    /**
     * The Markdown without the template's hint lines, and without the {@code ## } sections left with nothing in them.
     */
    static String withoutEmptySections(String markdown) {
        Matcher heading = SECTION.matcher(markdown);
        List<Integer> starts = new ArrayList<>();
        while (heading.find()) {
            starts.add(heading.start());
        }
        starts.add(markdown.length());
        StringBuilder out = new StringBuilder(markdown.substring(0, starts.getFirst()));
        for (int i = 0; i + 1 < starts.size(); i++) {
            String section = withoutHintLines(markdown.substring(starts.get(i), starts.get(i + 1)));
            String content = section.substring(section.indexOf('\n') + 1).strip();
            if (!content.isEmpty()) {
                out.append(section.stripTrailing().replaceAll("\n{3,}", "\n\n")).append("\n\n");
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String withoutHintLines(String text) {
        return text.lines().filter(line -> !HINTS.contains(line.strip())).collect(Collectors.joining("\n"));
    }

    /** The hints still in the text (the content standard refuses to publish them). */
    static List<String> hintsIn(String markdown) {
        return HINTS.stream().filter(markdown::contains).toList();
    }
}
