package com.answerloop.search;

import java.util.stream.Stream;

/**
 * Where a rebuild finds the documents of one type: the module that owns them is the source of truth. Implementations
 * live in this module and call the owning module's API (articles now, community threads later).
 */
interface DocumentSource {

    /** The document type this source provides, e.g. {@code article}. */
    String type();

    /** Every document of this type that should be searchable now. */
    Stream<SearchDocument> all();
}
