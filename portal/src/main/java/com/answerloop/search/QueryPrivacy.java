package com.answerloop.search;

import com.answerloop.shared.privacy.PersonalDataScrubber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides which past queries may be shown to someone other than the searcher: typeahead shows only queries free of
 * personal data; the search reports show them with personal data masked. Both require {@link
 * SearchPrivacySettings#minVisitors()} distinct visitors (applied in {@link SearchLogs}).
 */
@Component
class QueryPrivacy {

    static final String HIDDEN = "[hidden]";

    private final ObjectProvider<PersonalDataScrubber> scrubber;
    private final SearchPrivacySettings settings;

    QueryPrivacy(ObjectProvider<PersonalDataScrubber> scrubber, SearchPrivacySettings settings) {
        this.scrubber = scrubber;
        this.settings = settings;
    }

    int minVisitors() {
        return settings.minVisitors();
    }

    /** Whether the query may be suggested to others; without a scrubber nothing may (fail closed). */
    boolean suggestible(String query) {
        PersonalDataScrubber available = scrubber.getIfAvailable();
        return available != null && !available.containsPersonalData(query);
    }

    /** The query as a report may show it: personal data masked, or entirely hidden without a scrubber. */
    String masked(String query) {
        PersonalDataScrubber available = scrubber.getIfAvailable();
        return available == null ? HIDDEN : available.scrub(query);
    }
}
