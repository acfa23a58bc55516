package com.answerloop.accounts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/** Computes the display-name key (V18_1) of every account that existed before the confusable-name rule. */
@Component
class DisplayNameKeysMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18.2");
    }

    @Override
    public String getDescription() {
        return "display name keys";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows =
                        select.executeQuery("SELECT id, display_name FROM accounts WHERE display_name_key IS NULL");
                PreparedStatement update = context.getConnection()
                        .prepareStatement("UPDATE accounts SET display_name_key = ? WHERE id = ?")) {
            while (rows.next()) {
                update.setString(1, DisplayNames.key(rows.getString(2)));
                update.setLong(2, rows.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
