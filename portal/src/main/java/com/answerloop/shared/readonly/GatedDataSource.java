package com.answerloop.shared.readonly;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source in front of the pool. In read-only mode it refuses a connection at once (SQL state
 * 08001, so every layer reads it as "database unreachable") instead of letting each request wait for the pool's
 * connection timeout; and a failed connection puts the portal in read-only mode straight away, before the next probe.
 */
class GatedDataSource extends DelegatingDataSource {

    private final ObjectProvider<ReadOnlyMode> mode;

    GatedDataSource(DataSource pool, ObjectProvider<ReadOnlyMode> mode) {
        super(pool);
        this.mode = mode;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ReadOnlyMode readOnly = mode.getIfAvailable();
        if (readOnly != null && readOnly.active()) {
            throw new SQLTransientConnectionException("The database is unreachable: the portal is read-only", "08001");
        }
        try {
            return super.getConnection();
        } catch (SQLException e) {
            if (readOnly != null && DatabaseFailures.couldNotConnect(e)) {
                readOnly.enter("a connection to the database failed: " + e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        ReadOnlyMode readOnly = mode.getIfAvailable();
        if (readOnly != null && readOnly.active()) {
            throw new SQLTransientConnectionException("The database is unreachable: the portal is read-only", "08001");
        }
        return super.getConnection(username, password);
    }
}
