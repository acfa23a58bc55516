package com.answerloop.capture;

import com.answerloop.cases.CaseView;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An article (or thread) an agent used to solve a case: the knowledge base's reuse signal. Only its title and address
 * change, when an article captured from the case is published.
 */
@Entity
@Table(name = "case_article_links")
class CaseArticleLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long caseId;
    private String documentKey;
    private String title;
    private String url;
    private String linkedBy;
    private Instant createdAt;

    protected CaseArticleLink() {}

    CaseArticleLink(long caseId, String documentKey, String title, String url, String linkedBy, Instant now) {
        this.caseId = caseId;
        this.documentKey = documentKey;
        this.title = title;
        this.url = url;
        this.linkedBy = linkedBy;
        this.createdAt = now;
    }

    void rename(String title, String url) {
        this.title = title;
        this.url = url;
    }

    CaseView.Link toView() {
        return new CaseView.Link(documentKey, title, url, linkedBy, createdAt);
    }
}
