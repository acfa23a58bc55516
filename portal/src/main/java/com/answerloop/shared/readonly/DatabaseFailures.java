package com.answerloop.shared.readonly;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The one place that decides which failures mean "the database is not there", as opposed to a bad query. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /** MySQL and MariaDB's "Too many connections" (SQL state 08004, which other rejections share too). */
    private static final int MYSQL_TOO_MANY_CONNECTIONS = 1040;

    /** PostgreSQL's too_many_connections. */
    private static final String POSTGRES_TOO_MANY_CONNECTIONS = "53300";

    /**
     * The database could not be reached: a refused or broken connection (SQL state class 08) somewhere in the causes.
     * A pool that merely had no free connection in time (all busy under load) is not this: it has no such cause. Nor
     * is a server that answered "too many connections": it is there and the pool's open connections still work, so
     * refusing every write would turn an overload into an outage.
     */
    public static boolean couldNotConnect(Throwable failure) {
        if (anyCause(failure, cause -> cause instanceof SQLException sql && tooManyConnections(sql))) {
            return false; // Hikari's wrapper copies the server's 08004 onto itself: look at the whole chain first
        }
        return anyCause(
                failure,
                cause -> (cause instanceof SQLException sql
                                && sql.getSQLState() != null
                                && sql.getSQLState().startsWith("08"))
                        || cause instanceof ConnectException
                        || cause instanceof NoRouteToHostException
                        || cause instanceof UnknownHostException);
    }

    /** The server answered, refusing one more connection because it has as many as it allows. */
    public static boolean tooManyConnections(SQLException failure) {
        return failure.getErrorCode() == MYSQL_TOO_MANY_CONNECTIONS
                || POSTGRES_TOO_MANY_CONNECTIONS.equals(failure.getSQLState());
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * A request could not get the database at all (no connection, no transaction), whatever the reason: a page may
     * then fall back to what it kept, and the answer is 503, not 500.
     */
    public static boolean unavailable(Throwable failure) {
        return anyCause(
                        failure,
                        cause -> cause instanceof CannotCreateTransactionException
                                || cause instanceof DataAccessResourceFailureException
                                || cause instanceof SQLTransientConnectionException)
                || couldNotConnect(failure);
    }
}
