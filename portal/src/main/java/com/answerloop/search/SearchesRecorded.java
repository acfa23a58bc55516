package com.answerloop.search;

import java.util.List;

/**
 * The searches and clicks stored in one flush of the search log (at most a second's worth), in the order they
 * happened. One event per flush, not one per search: each event publication is a row the event registry writes and
 * completes, and a listener transaction of its own, which per search cost the search API most of its throughput
 * (docs/performance.md, "Search API at a fixed rate").
 */
public record SearchesRecorded(List<SearchActivity> activity) {

    public SearchesRecorded {
        activity = List.copyOf(activity);
    }
}
