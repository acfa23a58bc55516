package com.answerloop.shared.retry;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.lang.reflect.Method;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.resilience.retry.MethodRetrySpec;
import org.springframework.resilience.retry.SimpleRetryInterceptor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that retries a transaction which lost a lock conflict: a deadlock victim, a lock wait timeout or an
 * optimistic-lock failure is run again (at most {@value #MAX_RETRIES} times, 20 ms apart and growing, with jitter)
 * instead of becoming a 500. It wraps every {@code @Transactional} method outside its transaction, and retries only
 * the outermost call: a call inside a running transaction fails with it, and the outer call is retried whole.
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetry {

    static final int MAX_RETRIES = 4;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictRetryAdvisor() {
        MethodRetrySpec spec = new MethodRetrySpec(
                ConflictRetry::shouldRetry,
                MAX_RETRIES,
                Duration.ofMillis(20),
                Duration.ofMillis(10),
                2.0,
                Duration.ofMillis(500));
        var transactional = new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, new SimpleRetryInterceptor(spec));
        // outside the transaction interceptor (LOWEST_PRECEDENCE), so each try is a fresh transaction
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    static boolean shouldRetry(Method method, Throwable failure) {
        return !TransactionSynchronizationManager.isActualTransactionActive() && isLockConflict(failure);
    }

    /** Whether the failure, or one of its causes, says the transaction lost a race for a lock or a row version. */
    static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException
                    || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException
                    || cause instanceof OptimisticLockException
                    || cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
