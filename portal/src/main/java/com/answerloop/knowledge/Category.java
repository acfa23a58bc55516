package com.answerloop.knowledge;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/** A category of the help center, or a section when it has a parent category. Mirrors a kb-content folder. */
@Entity
@Table(name = "categories")
class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "parent_id")
    private Category parent;

    private String slug;
    private String path;
    private String title;
    private String description;
    private int position;

    @Enumerated(EnumType.STRING)
    private Audience audience = Audience.CUSTOMERS;

    /** The review interval of the category's articles that set none; a section without one takes its category's. */
    private Integer reviewEveryDays;

    protected Category() {}

    Category(Category parent, String slug, String path) {
        this.parent = parent;
        this.slug = slug;
        this.path = path;
        this.title = slug;
        this.description = "";
    }

    void describe(String title, String description, int position, Audience audience) {
        this.title = title;
        this.description = description;
        this.position = position;
        this.audience = audience;
    }

    void reviewEvery(Integer days) {
        this.reviewEveryDays = days;
    }

    /** This category's review interval in days, else its parent's; empty when neither sets one. */
    Optional<Integer> reviewEveryDays() {
        if (reviewEveryDays != null) {
            return Optional.of(reviewEveryDays);
        }
        return parent == null ? Optional.empty() : parent.reviewEveryDays();
    }

    Long id() {
        return id;
    }

    Category parent() {
        return parent;
    }

    boolean isSection() {
        return parent != null;
    }

    /** The top-level category this belongs to (itself for a category). */
    Category topLevel() {
        return parent == null ? this : parent;
    }

    String slug() {
        return slug;
    }

    String path() {
        return path;
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

    /** A section is written for its category's audience. */
    Audience audience() {
        return parent == null ? audience : parent.audience();
    }

    /** The page URL: {@code /categories/cat} or {@code /categories/cat/section}. */
    String url() {
        return "/categories/" + path;
    }
}
