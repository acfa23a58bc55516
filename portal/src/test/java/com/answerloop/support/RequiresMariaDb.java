package com.answerloop.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the MariaDB/MySQL test server answers, unless
 * {@code ANSWERLOOP_TEST_MYSQL=required}: then the class always runs and fails without a server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresMariaDb.Condition.class)
public @interface RequiresMariaDb {

    /** Decides before the Spring context is built, so a missing server costs nothing. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (MariaDb.isRequired() || MariaDb.reachable()) {
                return ConditionEvaluationResult.enabled("MariaDB available or required");
            }
            return ConditionEvaluationResult.disabled("no MySQL/MariaDB server reachable; mysql-profile tests skipped");
        }
    }
}
