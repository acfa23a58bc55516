package com.answerloop.shared.markdown;

/**
 * Turns a link destination written in a Markdown source into a portal URL, for example a
 * relative link to another {@code .md} file into {@code /articles/slug}. Returns the destination
 * unchanged when it has nothing to resolve.
 */
@FunctionalInterface
public interface LinkResolver {

    LinkResolver NONE = destination -> destination;

    String resolve(String destination);
}
