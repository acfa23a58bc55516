package com.answerloop.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the kb-content folder is imported.
 *
 * @param importOnStart import at every start (cheap: unchanged files are skipped by hash)
 * @param importOnly import, print the summary and exit (the {@code --import-only} flag)
 * @param maxFileSize files above this size are rejected
 */
@ConfigurationProperties("answerloop.content")
record ContentSettings(
        @DefaultValue("true") boolean importOnStart,
        @DefaultValue("false") boolean importOnly,
        @DefaultValue("1MB") DataSize maxFileSize) {}
