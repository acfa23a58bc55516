package com.answerloop.search;

/** One value of a facet (a category, tag or type) with the number of matching documents. */
public record FacetValue(String value, String label, int count) {}
