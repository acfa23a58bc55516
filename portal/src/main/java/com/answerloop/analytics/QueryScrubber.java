package com.answerloop.analytics;

import com.answerloop.capture.CaptureManagement;
import org.springframework.stereotype.Component;

/**
 * Query text as dashboards may show it: personal data replaced by placeholders such as [email]. The live listeners
 * and the rebuilds from stored events scrub alike.
 */
@Component
class QueryScrubber implements SearchCounts.Scrubber {

    private final CaptureManagement capture;

    QueryScrubber(CaptureManagement capture) {
        this.capture = capture;
    }

    @Override
    public String scrub(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return capture.scrubbed(query);
    }
}
