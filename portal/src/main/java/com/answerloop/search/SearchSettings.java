package com.answerloop.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the search index.
 *
 * @param refreshMillis how often new writes become searchable (near-real-time refresh interval)
 * @param synonymsFile the operator-editable synonyms file; {@code null} means {@code ${answerloop.data-dir}/synonyms.txt}
 * @param rebuildOnStart whether a missing, corrupt or outdated index is rebuilt at start
 * @param exactCountsUpTo indexes of up to this many documents always get exact result and facet counts; on larger ones
 *     a query that matches a large share is counted on a sample of this many documents and shown as "about"
 */
@ConfigurationProperties("answerloop.search")
record SearchSettings(
        @DefaultValue("200") long refreshMillis,
        Path synonymsFile,
        @DefaultValue("true") boolean rebuildOnStart,
        @DefaultValue("50000") int exactCountsUpTo) {

    SearchSettings {
        if (exactCountsUpTo < 1) {
            // a start-up error naming the setting, rather than a search that never finishes counting
            throw new IllegalArgumentException(
                    "answerloop.search.exact-counts-up-to must be at least 1, was " + exactCountsUpTo);
        }
    }
}
