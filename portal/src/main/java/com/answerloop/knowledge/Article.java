package com.answerloop.knowledge;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A knowledge article. Its content lives in immutable {@link ArticleVersion}s; the article row
 * carries the current version's title, summary and tags so lists need no join.
 */
@Entity
@Table(name = "articles")
class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String sourcePath;

    @Enumerated(EnumType.STRING)
    private ArticleState state;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "category_id")
    private Category category;

    private int currentVersion;
    private String title;
    private String summary;
    private LocalDate updatedOn;
    // Counted by one atomic statement per rating (Articles.countFeedback), never written back from an edit: two
    // readers rating at once, or a rating during an editor's save, no longer fail on the row version.
    @Column(updatable = false)
    private int helpfulYes;

    @Column(updatable = false)
    private int helpfulNo;

    private boolean promoted;
    private String owner;
    private Integer reviewEveryDays;
    private LocalDate verifiedOn;
    private Instant createdAt;
    private Instant modifiedAt;

    @Version
    private long lockVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    protected Article() {}

    /** A new draft article; {@link #publish} gives it its first version. */
    Article(ArticleSource source, Category category, Instant now) {
        this.slug = source.slug();
        this.sourcePath = source.path();
        this.category = category;
        this.state = ArticleState.DRAFT;
        this.title = source.title();
        this.summary = source.summary();
        this.visibility = source.visibility();
        this.updatedOn = source.updated();
        this.promoted = source.promoted();
        applyReviewTerms(source.review());
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** Makes {@code version} the current content and publishes it. */
    void publish(ArticleVersion version, Category category, Instant now) {
        revise(version, category, now);
        this.state = ArticleState.PUBLISHED;
    }

    /** Makes {@code version} the current content without changing who may read the article (drafts stay drafts). */
    void revise(ArticleVersion version, Category category, Instant now) {
        this.currentVersion = version.number();
        this.title = version.title();
        this.summary = version.summary();
        this.visibility = version.visibility();
        this.updatedOn = version.updatedOn();
        this.tags.clear();
        this.tags.addAll(version.tagList());
        this.category = category;
        this.modifiedAt = now;
    }

    void moveToState(ArticleState next, Instant now) {
        this.state = next;
        this.modifiedAt = now;
    }

    void archive(Instant now) {
        this.state = ArticleState.ARCHIVED;
        this.modifiedAt = now;
    }

    /**
     * Editors choose the home page's articles, on the article's editor page or in the file's front matter
     * ({@code promoted: true}); the file decides again when it changes.
     */
    void promote(boolean promoted) {
        this.promoted = promoted;
    }

    /**
     * The file's owner and review interval, and its verification date when that is later than one made on the web;
     * like {@link #promote}, an import applies them when the file changed.
     */
    void applyReviewTerms(ReviewTerms terms) {
        this.owner = terms.owner();
        this.reviewEveryDays = terms.everyDays();
        if (terms.verified() != null && (verifiedOn == null || terms.verified().isAfter(verifiedOn))) {
            this.verifiedOn = terms.verified();
        }
    }

    /** An editor sets the owner and interval on the article's editor page ({@code null}: none, or the default). */
    void setReviewTerms(String owner, Integer everyDays) {
        this.owner = owner;
        this.reviewEveryDays = everyDays;
    }

    /** An editor confirmed the article is still right. */
    void verify(LocalDate on) {
        this.verifiedOn = on;
    }

    /** The terms as stored, in the shape the front matter carries them. */
    ReviewTerms reviewTerms() {
        return new ReviewTerms(owner, reviewEveryDays, verifiedOn);
    }

    /** A moved kb-content file keeps its article: only the source path changes. */
    void moveTo(String sourcePath) {
        this.sourcePath = sourcePath;
    }

    boolean isPublished() {
        return state == ArticleState.PUBLISHED;
    }

    boolean isVisibleTo(boolean canSeeInternal) {
        return isPublished() && (visibility == Visibility.PUBLIC || canSeeInternal);
    }

    /** Readable by URL: published per visibility, and (KCS) not validated articles by agents, editors and admins. */
    boolean isReadableBy(boolean canSeeInternal) {
        return isVisibleTo(canSeeInternal) || (state == ArticleState.NOT_VALIDATED && canSeeInternal);
    }

    Long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String sourcePath() {
        return sourcePath;
    }

    ArticleState state() {
        return state;
    }

    Visibility visibility() {
        return visibility;
    }

    Category category() {
        return category;
    }

    int currentVersion() {
        return currentVersion;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    LocalDate updatedOn() {
        return updatedOn;
    }

    boolean promoted() {
        return promoted;
    }

    int helpfulYes() {
        return helpfulYes;
    }

    int helpfulNo() {
        return helpfulNo;
    }

    List<String> tags() {
        return tags.stream().sorted().toList();
    }
}
