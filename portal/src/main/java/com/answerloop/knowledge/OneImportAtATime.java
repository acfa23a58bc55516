package com.answerloop.knowledge;

import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.cluster.ExclusiveRuns;
import com.answerloop.shared.cluster.LockedRun;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The rule that one kb-content import runs at a time, whoever starts it (start-up, "Import now", the command line) and
 * on whichever node: two imports at once would race for the same articles and versions. A second import is refused,
 * not queued: the running one imports the same folder.
 */
@Component
class OneImportAtATime {

    /** The lock's name in the {@code shedlock} table (cluster profile). */
    static final String LOCK = "kb-content-import";

    /** A node that dies mid-import keeps the others from importing this long (or until its row is deleted). */
    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ExclusiveRuns exclusiveRuns;
    private final ContentImporter importer;
    private final PortalSettings portal;

    OneImportAtATime(ExclusiveRuns exclusiveRuns, ContentImporter importer, PortalSettings portal) {
        this.exclusiveRuns = exclusiveRuns;
        this.importer = importer;
        this.portal = portal;
    }

    LockedRun<ImportResult> importContent(String trigger) {
        return exclusiveRuns.runAlone(LOCK, LOCK_AT_MOST_FOR, () -> importer.importFrom(portal.contentDir(), trigger));
    }

    /** Why an import was refused, as the admin page and the log say it. */
    static String refusal(LockedRun.Refused<?> refused) {
        return refused.holder()
                .map(holder -> "An import is already running (started on %s at %s UTC); nothing was imported."
                        .formatted(holder.where(), STARTED.format(holder.since())))
                .orElse("An import was running a moment ago; nothing was imported. Import again to pick up changes.");
    }
}
