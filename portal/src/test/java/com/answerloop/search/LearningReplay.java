package com.answerloop.search;

import com.answerloop.capture.PiiScrubber;
import com.answerloop.search.StackFaqEvaluation.Corpus;
import com.answerloop.search.StackFaqEvaluation.Metrics;
import com.answerloop.search.StackFaqEvaluation.Thread;
import com.answerloop.shared.privacy.PersonalDataScrubber;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The replay of issue 15 §5: does search that learns from the loop find the right article for questions it has not
 * seen? Each StackFAQ thread's paraphrases are split in two: the first, third, ... are the history, the others the
 * future. The history is fed through the learning store the portal uses ({@link LearnedPhrasings}: normalisation, the
 * personal-data check, the three-sources rule) as three visitors' searches that each ended on the thread's article;
 * the articles are then written again with what was learned, as the portal writes them, and the future queries, which
 * nothing learned from, are evaluated before and after. Run by {@code scripts/eval-search-replay.sh}.
 */
public final class LearningReplay {

    /** How many visitors are taken to have asked each history question (the fewest that count). */
    private static final int VISITORS = LearnedPhrasings.MIN_SOURCES;

    public static void main(String[] args) throws Exception {
        List<Thread> threads =
                StackFaqEvaluation.load(args.length > 0 ? java.nio.file.Path.of(args[0]) : StackFaqEvaluation.locate());
        List<Thread> history = half(threads, 0);
        List<Thread> future = half(threads, 1);
        LearnedPhrasings learned = learningStore();
        int fed = 0;
        for (Thread thread : history) {
            for (String question : thread.queries()) {
                for (int visitor = 1; visitor <= VISITORS; visitor++) {
                    learned.evidence(key(thread), question, "replay-visitor-" + visitor);
                }
                fed++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "History: %d questions fed as %d visitors each; future: %d questions%n",
                fed,
                VISITORS,
                future.stream().mapToInt(t -> t.queries().size()).sum());
        Ranking ranking = Ranking.DEFAULT;
        try (Corpus corpus = Corpus.of(threads, ranking, true)) {
            report("before", corpus, ranking, future);
            for (Thread thread : threads) {
                corpus.index().update(StackFaqEvaluation.document(thread).withPhrasings(learned.of(key(thread))));
            }
            corpus.index().refresh();
            report("after", corpus, ranking, future);
        }
    }

    private static void report(String when, Corpus corpus, Ranking ranking, List<Thread> future) {
        Metrics words =
                StackFaqEvaluation.metrics(corpus.engine(ranking, StackFaqEvaluation.WORDS_ONLY), future, t -> true);
        Metrics hybrid =
                StackFaqEvaluation.metrics(corpus.engine(ranking, SearchSettings.Semantic.DEFAULTS), future, t -> true);
        System.out.printf(
                Locale.ROOT,
                "%-6s learning: future questions nDCG@10 words %.4f (R@1 %.3f), hybrid %.4f (R@1 %.3f)%n",
                when,
                words.ndcg10(),
                words.recall1(),
                hybrid.ndcg10(),
                hybrid.recall1());
    }

    /** Every thread with the paraphrases at even ({@code parity} 0) or odd positions. */
    private static List<Thread> half(List<Thread> threads, int parity) {
        List<Thread> half = new ArrayList<>();
        for (Thread thread : threads) {
            List<String> queries = new ArrayList<>();
            for (int i = parity; i < thread.queries().size(); i += 2) {
                queries.add(thread.queries().get(i));
            }
            half.add(new Thread(thread.id(), thread.question(), thread.answers(), queries));
        }
        return half;
    }

    private static String key(Thread thread) {
        return SearchDocument.key(ArticleDocuments.TYPE, thread.id());
    }

    /** The portal's learning store on an in-memory database with the portal's own migration. */
    private static LearnedPhrasings learningStore() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:replay;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String migration = new ClassPathResource("db/migration/V29_1__search_phrasings.sql")
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("(?m)^--.*$", "");
        for (String statement : migration.split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        PiiScrubber pii = new PiiScrubber(List.of());
        PersonalDataScrubber scrubber = text -> PiiScrubber.apply(text, pii.detect(text, List.of()), Set.of());
        QueryPrivacy privacy = new QueryPrivacy(
                new StaticListableBeanFactory(Map.of("scrubber", scrubber)).getBeanProvider(PersonalDataScrubber.class),
                new SearchPrivacySettings(3));
        return new LearnedPhrasings(
                jdbc, privacy, new DataSourceTransactionManager(dataSource), event -> {}, Clock.systemUTC());
    }

    private LearningReplay() {}
}
