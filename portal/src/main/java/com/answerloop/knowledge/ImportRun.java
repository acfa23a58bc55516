package com.answerloop.knowledge;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored outcome of one kb-content import, shown on the admin page. */
@Entity
@Table(name = "import_runs")
class ImportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String triggerSource;
    private Instant startedAt;
    private Instant finishedAt;
    private int created;
    private int updated;
    private int unchanged;
    private int archived;
    private int failed;
    private String problems;

    protected ImportRun() {}

    ImportRun(ImportResult result) {
        this.triggerSource = result.trigger();
        this.startedAt = result.startedAt();
        this.finishedAt = result.finishedAt();
        this.created = result.created();
        this.updated = result.updated();
        this.unchanged = result.unchanged();
        this.archived = result.archived();
        this.failed = result.failed();
        this.problems = String.join(
                "\n", result.problems().stream().map(ImportProblem::encode).toList());
    }

    ImportResult toResult() {
        var list = problems.isBlank()
                ? java.util.List.<ImportProblem>of()
                : problems.lines().map(ImportProblem::parse).toList();
        return new ImportResult(
                triggerSource, startedAt, finishedAt, created, updated, unchanged, archived, failed, list);
    }
}
