package com.answerloop.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each visitor did right after a search, for the refinement and exit rates. A search is <em>refined</em> when
 * the same visitor searches other words within {@link #WINDOW}; it is an <em>exit without a click</em> when within
 * that window the visitor neither opened one of its results nor searched again. Searches and clicks are held in
 * memory (keyed by the search module's pseudonymous visitor key, never stored) until their window has passed, then
 * settled into counts. Events arrive asynchronously and in batches, so each is judged by its own timestamp, not by when
 * it arrived; {@link #GRACE} covers that delay.
 */
@Component
class SearchSequences {

    private static final Logger log = LoggerFactory.getLogger(SearchSequences.class);

    static final Duration WINDOW = Duration.ofSeconds(60);

    /** How late a search or click event may arrive and still be matched. */
    static final Duration GRACE = Duration.ofSeconds(15);

    /** Bounds memory under a flood: visitors beyond this are not followed (their searches still count). */
    static final int MAX_VISITORS = 200_000;

    /**
     * A settled search: its day, its (scrubbed) query and what followed it.
     *
     * @param found the result the search ended on (the last one opened, with no other words searched after it), or
     *     {@code null}: evidence that the query is a way people ask for that document
     */
    record Settled(LocalDate day, String query, boolean refined, boolean exited, Found found) {

        Settled(LocalDate day, String query, boolean refined, boolean exited) {
            this(day, query, refined, exited, null);
        }
    }

    /** A visitor's search that ended on a document. */
    record Found(String query, String documentKey, String visitor) {}

    /** @param documentKey the opened document, for a click; {@code null} for a search or an unknown document */
    private record Step(Instant at, String query, boolean search, String documentKey) {}

    private final Map<String, List<Step>> visits = new HashMap<>();
    private final AtomicLong unfollowed = new AtomicLong();

    synchronized void searched(String visitor, Instant at, String query) {
        add(visitor, new Step(at, query, true, null));
    }

    synchronized void clicked(String visitor, Instant at) {
        clicked(visitor, at, null);
    }

    synchronized void clicked(String visitor, Instant at, String documentKey) {
        add(visitor, new Step(at, "", false, documentKey));
    }

    private void add(String visitor, Step step) {
        if (visitor == null || visitor.isEmpty() || step.at() == null) {
            return;
        }
        List<Step> steps = visits.get(visitor);
        if (steps == null) {
            if (visits.size() >= MAX_VISITORS) {
                if (unfollowed.getAndIncrement() % 10_000 == 0) {
                    log.warn("Search sequences: {} visitors not followed so far (too many at once)", unfollowed.get());
                }
                return;
            }
            steps = new ArrayList<>();
            visits.put(visitor, steps);
        }
        steps.add(step);
    }

    /**
     * Settles every search whose window (and grace) ended before {@code now}, and forgets steps nothing can match any
     * more.
     */
    synchronized List<Settled> settle(Instant now) {
        Instant settleBefore = now.minus(WINDOW).minus(GRACE);
        List<Settled> settled = new ArrayList<>();
        for (Iterator<Map.Entry<String, List<Step>>> it = visits.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<Step>> visit = it.next();
            List<Step> steps = visit.getValue();
            steps.sort(Comparator.comparing(Step::at));
            for (int i = 0; i < steps.size(); i++) {
                Step search = steps.get(i);
                if (search.search() && search.at().isBefore(settleBefore)) {
                    settled.add(followUp(visit.getKey(), search, steps.subList(i + 1, steps.size())));
                }
            }
            steps.removeIf(step -> step.at().isBefore(settleBefore));
            if (steps.isEmpty()) {
                it.remove();
            }
        }
        return settled;
    }

    /**
     * What followed a search within the window: another search (refined), a click, or nothing (exit). A search that
     * was not refined ended on the last result opened.
     */
    private static Settled followUp(String visitor, Step search, List<Step> later) {
        Instant end = search.at().plus(WINDOW);
        boolean refined = false;
        boolean clicked = false;
        String lastOpened = null;
        for (Step next : later) {
            if (next.at().isAfter(end)) {
                break;
            }
            if (!next.search()) {
                clicked = true;
                lastOpened = next.documentKey() != null ? next.documentKey() : lastOpened;
            } else if (!next.query().equals(search.query())) {
                refined = true;
                break;
            }
            // the same words again (the next result page, a reload) neither refine nor end the search
        }
        Found found = !refined && lastOpened != null ? new Found(search.query(), lastOpened, visitor) : null;
        return new Settled(
                LocalDate.ofInstant(search.at(), ZoneOffset.UTC), search.query(), refined, !refined && !clicked, found);
    }

    synchronized int pending() {
        return visits.values().stream().mapToInt(List::size).sum();
    }
}
