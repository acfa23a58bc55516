package com.answerloop.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Which articles customers read most: the home page's "Popular articles" once there is traffic. */
@Service
public class ArticleReadership {

    private final DailyCounts counts;
    private final AnalyticsBuffer buffer;
    // The home page asks on every view; the counts change slowly, so one answer serves a while.
    private final Cache<List<Integer>, List<String>> answers;

    ArticleReadership(DailyCounts counts, AnalyticsBuffer buffer, AnalyticsSettings settings) {
        this.counts = counts;
        this.buffer = buffer;
        this.answers = Caffeine.newBuilder()
                .maximumSize(16)
                .expireAfterWrite(settings.popularRefresh())
                .build();
    }

    /**
     * The slugs of the articles readers who are not staff opened at least {@code minReads} times in the last
     * {@code days} days, most read first.
     */
    public List<String> mostReadByCustomers(int days, int minReads, int limit) {
        return answers.get(List.of(days, minReads, limit), key -> count(days, minReads, limit));
    }

    private List<String> count(int days, int minReads, int limit) {
        LocalDate today = buffer.today();
        return counts.bySubject(Metric.CUSTOMER_ARTICLE_VIEWS, today.minusDays(days - 1L), today, limit).stream()
                .filter(row -> row.amount() >= minReads)
                .map(DailyCounts.Row::subject)
                .toList();
    }
}
