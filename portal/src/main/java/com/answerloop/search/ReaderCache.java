package com.answerloop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * Values that cost a pass over the index (facet ordinal maps, category titles), computed once per index reader and
 * dropped when the reader closes, i.e. after the next refresh. Lucene means such state to be built per reader, not per
 * query.
 */
final class ReaderCache {

    @FunctionalInterface
    interface Loader<T> {
        T load() throws IOException;
    }

    private final Map<IndexReader.CacheKey, Map<String, Object>> byReader = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(IndexReader reader, String key, Loader<T> loader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return loader.load();
        }
        Map<String, Object> values = byReader.computeIfAbsent(helper.getKey(), readerKey -> {
            helper.addClosedListener(byReader::remove);
            return new ConcurrentHashMap<>();
        });
        try {
            return (T) values.computeIfAbsent(key, k -> {
                try {
                    return loader.load();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
