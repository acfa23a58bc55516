/** The Lucene index over articles and threads: analysis, ranking, highlighting, facets, suggestions, spelling, reindexing and search events. */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package com.answerloop.search;
