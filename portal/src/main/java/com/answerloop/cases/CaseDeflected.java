package com.answerloop.cases;

/** A visitor found their answer in a suggestion and sent no request. Anonymous. */
public record CaseDeflected(String documentKey, String channel) {}
