package com.answerloop.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets: a sentence starts after '.', '!' or '?' followed by white space, and after a line
 * break (the plain text of an article ends every paragraph, heading, list item and code line with one). The JDK's
 * rule-based sentence iterator rescans the text on every lookup, and the highlighter looks up the sentence around
 * every matched word of every hit: that took a quarter of a search at 200,000 articles. Here a lookup reads only the
 * sentence it is in.
 */
final class SentenceBreaks extends BreakIterator {

    /** The text as given to {@link #setText(CharacterIterator)}; made from {@link #text} when it was a string. */
    private CharacterIterator source;

    private String text = "";
    private int begin;
    private int end;
    private int current;

    @Override
    public void setText(CharacterIterator newText) {
        source = newText;
        begin = newText.getBeginIndex();
        end = newText.getEndIndex();
        StringBuilder copy = new StringBuilder(end - begin);
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        text = copy.toString();
        current = begin;
    }

    /** Keeps the string itself: the highlighter passes each hit's whole text, and copying it char by char was costly. */
    @Override
    public void setText(String newText) {
        source = null;
        text = newText;
        begin = 0;
        end = newText.length();
        current = begin;
    }

    @Override
    public CharacterIterator getText() {
        if (source == null) {
            source = new StringCharacterIterator(text);
        }
        return source;
    }

    @Override
    public int first() {
        return current = begin;
    }

    @Override
    public int last() {
        return current = end;
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        return current == end ? DONE : (current = following(current));
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int previous() {
        return current == begin ? DONE : (current = preceding(current));
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        if (offset == end) {
            return current = DONE;
        }
        int position = offset + 1;
        while (position < end && !startsSentence(position)) {
            position++;
        }
        return current = position;
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        if (offset == begin) {
            return current = DONE;
        }
        int position = offset - 1;
        while (position > begin && !startsSentence(position)) {
            position--;
        }
        return current = position;
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        current = offset;
        return offset == begin || offset == end || startsSentence(offset);
    }

    /** Whether a sentence starts at this position: a non-space after spaces that end a line or a sentence. */
    private boolean startsSentence(int position) {
        if (Character.isWhitespace(charAt(position)) || !Character.isWhitespace(charAt(position - 1))) {
            return false;
        }
        int before = position - 1;
        while (before >= begin && Character.isWhitespace(charAt(before))) {
            if (charAt(before) == '\n') {
                return true;
            }
            before--;
        }
        if (before < begin) {
            return false;
        }
        char last = charAt(before);
        return last == '.' || last == '!' || last == '?';
    }

    private char charAt(int position) {
        return text.charAt(position - begin);
    }

    private void checkOffset(int offset) {
        if (offset < begin || offset > end) {
            throw new IllegalArgumentException("offset " + offset + " is outside [" + begin + ", " + end + "]");
        }
    }
}
