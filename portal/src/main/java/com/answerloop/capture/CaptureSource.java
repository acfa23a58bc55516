package com.answerloop.capture;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Where a captured article came from: a case (by reference) or a community thread (by id, with its credit). */
@Entity
@Table(name = "capture_sources")
class CaptureSource {

    enum Kind {
        CASE,
        THREAD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String articleSlug;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String reference;
    private String title;
    private String url;
    private String credit;
    private String createdBy;
    private Instant createdAt;

    protected CaptureSource() {}

    CaptureSource(
            String articleSlug,
            Kind kind,
            String reference,
            String title,
            String url,
            String credit,
            String createdBy,
            Instant now) {
        this.articleSlug = articleSlug;
        this.kind = kind;
        this.reference = reference;
        this.title = title;
        this.url = url;
        this.credit = credit;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    Kind kind() {
        return kind;
    }

    String reference() {
        return reference;
    }

    String articleSlug() {
        return articleSlug;
    }
}

interface CaptureSources extends JpaRepository<CaptureSource, Long> {

    Optional<CaptureSource> findByArticleSlug(String articleSlug);

    Optional<CaptureSource> findFirstByKindAndReference(CaptureSource.Kind kind, String reference);
}
