package com.answerloop.search;

/** A search or a click on one of its results: what {@link SearchesRecorded} carries, in the order they happened. */
public sealed interface SearchActivity permits SearchPerformed, SearchResultClicked {}
