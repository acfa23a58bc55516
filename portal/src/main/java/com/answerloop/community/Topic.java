package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A forum category managed by administrators; every thread belongs to one. */
@Entity
@Table(name = "community_topics")
class Topic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String title;
    private String description;
    private int position;
    private Instant createdAt;

    protected Topic() {}

    Topic(String slug, String title, String description, int position, Instant now) {
        this.slug = slug;
        this.title = title;
        this.description = description;
        this.position = position;
        this.createdAt = now;
    }

    void update(String title, String description, int position) {
        this.title = title;
        this.description = description;
        this.position = position;
    }

    long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    int position() {
        return position;
    }

    TopicView toView() {
        return new TopicView(id, slug, title, description, position);
    }
}
