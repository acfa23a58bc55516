package com.answerloop.community;

/** A forum topic as pages and other modules see it. */
public record TopicView(long id, String slug, String title, String description, int position) {

    public String url() {
        return "/community/topics/" + slug;
    }
}
