package com.answerloop.reliability;

import com.answerloop.support.MariaDb;
import com.answerloop.support.PortalProcess;
import com.answerloop.support.RequiresMariaDb;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashRecoveryIT}'s kill -9 after posts, on the {@code mysql} profile against MariaDB. */
@RequiresMariaDb
class CrashRecoveryMariaDbIT {

    @TempDir
    Path temp;

    @Test
    void questionsAcknowledgedJustBeforeAKillSurviveInTheDatabaseAndInSearch() throws Exception {
        CrashRecoveryIT.crashAfterPosts(
                "MariaDB: kill -9 50 ms after 15 posts",
                PortalProcess.mysqlProfile(MariaDb.freshDatabase("answerloop_crash")),
                temp);
    }
}
