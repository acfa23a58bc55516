package com.answerloop.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Distinct visitors without a tracking cookie, as privacy-first web analytics counts them: a visitor is
 * SHA-256(today's salt, IP address, user agent). The salt is random per day and deleted the next day, so a stored hash
 * cannot be recomputed from an IP address later, nor linked to the same visitor on another day. The IP address and user
 * agent are never stored.
 */
@Repository
class Visitors {

    static final String HELP = "help";
    static final String CASE = "case";
    /** Shown at least one suggested answer on the contact form. */
    static final String SUGGESTED = "suggested";
    /** Opened a suggested answer from the contact form. */
    static final String OPENED = "opened";
    /** Said a suggested answer answered their question. */
    static final String ANSWERED = "answered";
    /** Ran a help-center search (a search page with words). */
    static final String SEARCHED = "searched";
    /** Opened the contact form within half an hour of searching. */
    static final String CONTACTED = "contacted";

    /** Visitors who searched, and those of them who then opened the contact form, summed over the days. */
    record SearchToContact(long searched, long thenContacted) {}

    /** The contact form's funnel over a period: distinct visitors per day at each step, summed over the days. */
    record Funnel(long shown, long opened, long answered, long sentAnyway) {}

    /** A day's distinct visitors of each kind. */
    record DayVisitors(LocalDate day, long help, long cases) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final SecureRandom random = new SecureRandom();
    private final Map<LocalDate, String> salts = new ConcurrentHashMap<>();

    Visitors(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The visitor's hash for {@code day}. */
    String hash(LocalDate day, String ip, String userAgent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt(day).getBytes(StandardCharsets.UTF_8));
            sha.update((ip + '\n' + userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The day's salt, shared by every node through the database (the first node to need it creates it). */
    private String salt(LocalDate day) {
        String known = salts.get(day);
        if (known != null) {
            return known;
        }
        // outside computeIfAbsent: a map must not be changed from inside its own compute function
        salts.keySet().removeIf(older -> older.isBefore(day));
        return salts.computeIfAbsent(day, d -> {
            byte[] fresh = new byte[24];
            random.nextBytes(fresh);
            jdbc.sql("INSERT IGNORE INTO analytics_salt (stat_day, salt) VALUES (?, ?)")
                    .params(Date.valueOf(d), HexFormat.of().formatHex(fresh))
                    .update();
            jdbc.sql("DELETE FROM analytics_salt WHERE stat_day < ?")
                    .param(Date.valueOf(d))
                    .update();
            return jdbc.sql("SELECT salt FROM analytics_salt WHERE stat_day = ?")
                    .param(Date.valueOf(d))
                    .query(String.class)
                    .single();
        });
    }

    /** Stores sightings; one already stored that day is ignored (that is what makes them distinct). */
    void addAll(Set<AnalyticsBuffer.Sighting> sightings) {
        if (sightings.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "INSERT IGNORE INTO analytics_visitor (stat_day, kind, visitor) VALUES (?, ?, ?)",
                sightings.stream()
                        .map(s -> new Object[] {Date.valueOf(s.day()), s.kind(), s.visitor()})
                        .toList());
    }

    /** Distinct visitors per day in the period, one entry per day with any visitor. */
    List<DayVisitors> perDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> byDay = jdbc
                .sql("""
                        SELECT stat_day, kind, COUNT(*) AS visitors FROM analytics_visitor
                        WHERE stat_day BETWEEN ? AND ? GROUP BY stat_day, kind""")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> Map.entry(
                        rs.getDate("stat_day").toLocalDate(), Map.entry(rs.getString("kind"), rs.getLong("visitors"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        java.util.TreeMap::new,
                        Collectors.toMap(
                                e -> e.getValue().getKey(), e -> e.getValue().getValue())));
        return byDay.entrySet().stream()
                .map(e -> new DayVisitors(
                        e.getKey(),
                        e.getValue().getOrDefault(HELP, 0L),
                        e.getValue().getOrDefault(CASE, 0L)))
                .toList();
    }

    /**
     * The contact funnel: visitors shown suggested answers, those who opened one, those who said one answered their
     * question, and those shown answers who sent a request the same day anyway (the same daily hash in both).
     */
    Funnel funnel(LocalDate from, LocalDate to) {
        Map<String, Long> byKind = jdbc
                .sql("""
                        SELECT kind, COUNT(*) AS visitors FROM analytics_visitor
                        WHERE stat_day BETWEEN ? AND ? AND kind IN (?, ?, ?) GROUP BY kind""")
                .params(Date.valueOf(from), Date.valueOf(to), SUGGESTED, OPENED, ANSWERED)
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getLong("visitors")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long sentAnyway = countedAsBoth(CASE, SUGGESTED, from, to);
        return new Funnel(
                byKind.getOrDefault(SUGGESTED, 0L),
                byKind.getOrDefault(OPENED, 0L),
                byKind.getOrDefault(ANSWERED, 0L),
                sentAnyway);
    }

    /**
     * Distinct visitors per day who searched, and those of them who opened the contact form after a search the same
     * day (the same daily hash in both).
     */
    SearchToContact searchToContact(LocalDate from, LocalDate to) {
        long searched = jdbc.sql("SELECT COUNT(*) FROM analytics_visitor WHERE kind = ? AND stat_day BETWEEN ? AND ?")
                .params(SEARCHED, Date.valueOf(from), Date.valueOf(to))
                .query(Long.class)
                .single();
        long thenContacted = countedAsBoth(CONTACTED, SEARCHED, from, to);
        return new SearchToContact(searched, thenContacted);
    }

    /** Visitors counted as {@code kind} on a day who were counted as {@code alsoKind} that same day, summed. */
    private long countedAsBoth(String kind, String alsoKind, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM analytics_visitor c JOIN analytics_visitor s
                        ON s.stat_day = c.stat_day AND s.visitor = c.visitor AND s.kind = ?
                        WHERE c.kind = ? AND c.stat_day BETWEEN ? AND ?""")
                .params(alsoKind, kind, Date.valueOf(from), Date.valueOf(to))
                .query(Long.class)
                .single();
    }

    /** Deletes visitor rows older than {@code before}; returns how many. */
    int purgeBefore(LocalDate before) {
        return jdbc.sql("DELETE FROM analytics_visitor WHERE stat_day < ?")
                .param(Date.valueOf(before))
                .update();
    }
}
