package com.answerloop.search;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A search or a click on one of its results: what {@link SearchesRecorded} carries, in the order they happened. The
 * event registry stores events as JSON and reads an incomplete one back at the next start, so each element names its
 * kind: without it the start failed ("Cannot construct instance of SearchActivity").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SearchPerformed.class, name = "search"),
    @JsonSubTypes.Type(value = SearchResultClicked.class, name = "click")
})
public sealed interface SearchActivity permits SearchPerformed, SearchResultClicked {}
