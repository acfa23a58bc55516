package com.answerloop.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a document into the passages that get embedded, by heading: the title with the summary and the text before
 * the first heading, then each heading's section, led by the title and the heading so it keeps its topic. Short
 * neighbouring sections share a passage; a section longer than {@link #WORDS} words (the model reads 256 word pieces
 * at most, and about 1.3 pieces make a word) is cut into windows of that size. At most {@link #MAX} passages: an
 * article's semantic score is its best passage. Without headings, the body is cut into windows alone. Learned
 * phrasings (how people ask for the document) make the last passage of their own, led by the title.
 */
final class Passages {

    /** Names how documents are cut: a change re-embeds every index (it is part of the vectors' commit data). */
    static final String VERSION = "by-heading-1";

    static final int WORDS = 160;

    static final int MAX = 4;

    /** A heading (or {@code null} for the text before the first one) and the words under it. */
    private record Section(String heading, List<String> words) {}

    private Passages() {}

    static List<String> of(SearchDocument doc) {
        String head = (doc.title() + ". " + nullToEmpty(doc.summary())).strip();
        List<String> passages = new ArrayList<>();
        int forContent = doc.phrasings().isEmpty() ? MAX : MAX - 1;
        for (Section section : packed(sections(doc))) {
            for (int from = 0; from < section.words().size() && passages.size() < forContent; from += WORDS) {
                String window = String.join(
                        " ",
                        section.words().subList(from, Math.min(section.words().size(), from + WORDS)));
                String lead = passages.isEmpty()
                        ? head
                        : section.heading() == null ? doc.title() : doc.title() + ": " + section.heading();
                passages.add(lead + "\n" + window);
            }
        }
        if (passages.isEmpty()) {
            passages.add(head);
        }
        if (!doc.phrasings().isEmpty()) {
            passages.add(phrasingsPassage(doc));
        }
        return passages;
    }

    /** "Title: first phrasing; second phrasing; ...", as many whole phrasings as fit the model's window. */
    private static String phrasingsPassage(SearchDocument doc) {
        StringBuilder passage = new StringBuilder(doc.title()).append(':');
        int words = 0;
        for (String phrasing : doc.phrasings()) {
            int length = phrasing.split("\\s+").length;
            if (words > 0 && words + length > WORDS) {
                break;
            }
            passage.append(words == 0 ? " " : "; ").append(phrasing);
            words += length;
        }
        return passage.toString();
    }

    /** The body's lines grouped under the headings that the document lists (a heading is a line of its own). */
    private static List<Section> sections(SearchDocument doc) {
        Set<String> headings = new HashSet<>();
        for (String heading : doc.headings() == null ? List.<String>of() : doc.headings()) {
            headings.add(heading.strip());
        }
        List<Section> sections = new ArrayList<>();
        Section current = new Section(null, new ArrayList<>());
        for (String line : nullToEmpty(doc.body()).split("\\R")) {
            String text = line.strip();
            if (headings.contains(text)) {
                if (!current.words().isEmpty() || current.heading() != null) {
                    sections.add(current);
                }
                current = new Section(text, new ArrayList<>());
            } else if (!text.isEmpty()) {
                current.words().addAll(Arrays.asList(text.split("\\s+")));
            }
        }
        sections.add(current);
        return sections.stream().filter(s -> !s.words().isEmpty()).toList();
    }

    /** Neighbouring sections joined while together they fit one passage; the joined heading names the first. */
    private static List<Section> packed(List<Section> sections) {
        List<Section> packed = new ArrayList<>();
        for (Section section : sections) {
            Section last = packed.isEmpty() ? null : packed.getLast();
            int joined =
                    last == null ? 0 : last.words().size() + 1 + section.words().size();
            if (last != null && joined <= WORDS) {
                List<String> words = new ArrayList<>(last.words());
                if (section.heading() != null) {
                    words.addAll(Arrays.asList(section.heading().split("\\s+")));
                }
                words.addAll(section.words());
                packed.set(packed.size() - 1, new Section(last.heading(), words));
            } else {
                packed.add(section);
            }
        }
        return packed;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
