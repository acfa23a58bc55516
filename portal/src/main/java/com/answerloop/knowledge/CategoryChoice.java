package com.answerloop.knowledge;

/**
 * A place an article can be filed: a category ({@code path} = its slug) or a section ({@code category/section}).
 *
 * @param label the title, "Category › Section" for a section
 */
public record CategoryChoice(String path, String label) {}
