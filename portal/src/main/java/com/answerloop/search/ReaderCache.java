package com.answerloop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * Values that cost a pass over the index, computed once and dropped when what they were computed from closes: per
 * index reader (category titles, until the next refresh) or per segment (facet values, until the segment is merged
 * away, so a refresh that adds a small segment keeps the work done for the large ones).
 */
final class ReaderCache {

    @FunctionalInterface
    interface Loader<T> {
        T load() throws IOException;
    }

    private final Map<IndexReader.CacheKey, Map<String, Object>> byKey = new ConcurrentHashMap<>();

    <T> T get(IndexReader reader, String key, Loader<T> loader) throws IOException {
        return cached(reader.getReaderCacheHelper(), key, loader);
    }

    <T> T perSegment(LeafReader segment, String key, Loader<T> loader) throws IOException {
        return cached(segment.getCoreCacheHelper(), key, loader);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(IndexReader.CacheHelper helper, String key, Loader<T> loader) throws IOException {
        if (helper == null) {
            return loader.load();
        }
        Map<String, Object> values = byKey.computeIfAbsent(helper.getKey(), cacheKey -> {
            helper.addClosedListener(byKey::remove);
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
