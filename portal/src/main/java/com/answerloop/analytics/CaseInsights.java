package com.answerloop.analytics;

import static com.answerloop.analytics.Insights.num;

import com.answerloop.analytics.InsightsPage.Figure;
import com.answerloop.analytics.InsightsPage.Table;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.IndexableArticle;
import com.answerloop.knowledge.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What solved cases say about the knowledge base: avoidable contacts (solved by linking an existing public article the
 * customer could have found, with what they searched before contacting) and cases solved without any article, grouped
 * by subject. Subjects and searches were scrubbed when stored; only text that enough cases share is shown.
 */
@Component
class CaseInsights {

    private final CaseLog caseLog;
    private final ArticleManagement articles;
    private final QueryDisclosure privacy;

    CaseInsights(CaseLog caseLog, ArticleManagement articles, QueryDisclosure privacy) {
        this.caseLog = caseLog;
        this.articles = articles;
        this.privacy = privacy;
    }

    InsightsPage avoidableContacts(LocalDate from, LocalDate to) {
        Map<String, IndexableArticle> publicArticles = new HashMap<>();
        articles.searchableArticles().stream()
                .filter(a -> a.visibility() == Visibility.PUBLIC)
                .forEach(a -> publicArticles.put("article:" + a.id(), a));
        List<CaseLog.SolvedCase> solved = caseLog.solvedBetween(from, to);
        // (article title, category) -> the searches of each case in the group
        Map<List<String>, List<Set<String>>> groups = new HashMap<>();
        long avoidable = 0;
        for (CaseLog.SolvedCase c : solved) {
            List<IndexableArticle> found = c.documents().stream()
                    .map(publicArticles::get)
                    .filter(Objects::nonNull)
                    .toList();
            if (found.isEmpty()) {
                continue;
            }
            avoidable++;
            Set<String> searched = Arrays.stream(c.searched().split(" \\| "))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
            for (IndexableArticle article : found) {
                groups.computeIfAbsent(
                                List.of(article.title(), c.category().isEmpty() ? "(none)" : c.category()),
                                k -> new ArrayList<>())
                        .add(searched);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<List<String>, List<Set<String>>>>comparingInt(
                                g -> -g.getValue().size())
                        .thenComparing(g -> String.join("\n", g.getKey())))
                .limit(Insights.ROWS)
                .forEach(group -> rows.add(List.of(
                        group.getKey().get(0),
                        group.getKey().get(1),
                        num(group.getValue().size()),
                        sharedSearches(group.getValue()))));
        return new InsightsPage(
                "contacts",
                "Avoidable contacts",
                from,
                to,
                List.of(
                        Figure.count("Cases solved", solved.size(), "cases solved in the period"),
                        Figure.percent(
                                "Avoidable contacts",
                                avoidable,
                                solved.size(),
                                "solved cases with a linked public article ÷ solved cases")),
                null,
                List.of(new Table(
                        "avoidable",
                        "Solved with an existing public article",
                        List.of("Article", "Category", "Cases", "Searched before contacting"),
                        rows)));
    }

    /** The searches that enough of the group's cases typed, most common first; "—" when none may be shown. */
    private String sharedSearches(List<Set<String>> searchesPerCase) {
        Map<String, Long> cases = new LinkedHashMap<>();
        searchesPerCase.forEach(set -> set.forEach(s -> cases.merge(s, 1L, Long::sum)));
        String shown = cases.entrySet().stream()
                .filter(e -> privacy.mayShowRequests(e.getValue()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? "—" : shown;
    }

    /** Cases solved without any linked article or thread, grouped by the significant words of their subject. */
    Table solvedWithoutArticle(LocalDate from, LocalDate to) {
        Map<String, Long> subjects = new LinkedHashMap<>();
        caseLog.solvedBetween(from, to).stream()
                .filter(c -> c.documents().isEmpty() && !c.subject().isBlank())
                .forEach(c -> subjects.merge(c.subject(), 1L, Long::sum));
        List<List<String>> rows = QueryClusters.of(subjects).stream()
                .filter(c -> privacy.mayShowRequests(c.volume()))
                .limit(Insights.ROWS)
                .map(c -> {
                    Predicate<String> shown = privacy.requestWordings(c);
                    return List.of(privacy.label(c, shown), privacy.wordings(c, shown), num(c.volume()));
                })
                .toList();
        return new Table(
                "unarticled",
                "Cases solved without an article, grouped by subject",
                List.of("Subject", "Wordings", "Cases"),
                rows,
                "/admin/insights/content-gaps/draft");
    }
}
