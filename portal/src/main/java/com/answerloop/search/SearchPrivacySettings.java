package com.answerloop.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What of other visitors' searches may be shown.
 *
 * @param minVisitors a past query is offered in typeahead and listed in the search reports only when this many
 *     distinct visitors searched it, so one person's query (with their email address or account number) is never
 *     shown to anyone else
 */
@ConfigurationProperties("answerloop.search.privacy")
record SearchPrivacySettings(@DefaultValue("3") int minVisitors) {

    SearchPrivacySettings {
        if (minVisitors < 1) {
            throw new IllegalArgumentException(
                    "answerloop.search.privacy.min-visitors must be at least 1, was " + minVisitors);
        }
    }
}
