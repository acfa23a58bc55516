package com.answerloop.search;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The stored passage embeddings on MariaDB, as production runs them: the BLOB round trip of a full vector, a second
 * node's duplicate insert recognised through the MySQL driver's error code, and the clean-up's timestamps.
 */
@RequiresMariaDb
class StoredEmbeddingsMariaDbIT extends StoredEmbeddingsTests {

    @Override
    StoredEmbeddings store(Clock clock) {
        Map<String, Object> database = MariaDb.freshDatabase("answerloop_stored_embeddings_it");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                (String) database.get("spring.datasource.url"),
                (String) database.get("spring.datasource.username"),
                (String) database.get("spring.datasource.password"));
        return new StoredEmbeddings(withEmbeddingsTable(JdbcClient.create(dataSource)), clock);
    }
}
