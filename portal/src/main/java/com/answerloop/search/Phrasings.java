package com.answerloop.search;

import java.util.List;

/** The phrasings learned for a document, written into its index entry (lexical field and a passage of its own). */
interface Phrasings {

    /** None: searching without learned phrasings (tests and tools that index without a database). */
    Phrasings NONE = documentKey -> List.of();

    /** The document's learned phrasings, most confirmed first; empty when it has none. */
    List<String> of(String documentKey);
}
