package com.answerloop.knowledge;

import java.util.List;

/** A category with its sections and how many visible articles each holds. */
public record CategoryOverview(
        String slug, String title, String description, String url, int articleCount, List<Section> sections) {

    public record Section(String slug, String title, String description, String url, int articleCount) {}
}
