package io.leadbridge.database;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts {@link ConflictRetry} around every {@link RetriedOnDeadlock} method, outside its
 * {@code @Transactional} (a lower order than the transaction advisor's), so that each run gets a
 * fresh transaction. A call made inside an open transaction runs once: the transaction's owner
 * decides about running it again.
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetryConfig {

    /** Before (outside) the transaction advisor, which has the lowest precedence. */
    private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor retriedOnDeadlockAdvisor(ObjectProvider<ConflictRetry> retry) {
        ComposablePointcut pointcut = new ComposablePointcut(
                new AnnotationMatchingPointcut(RetriedOnDeadlock.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(RetriedOnDeadlock.class));
        MethodInterceptor interceptor = invocation -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    || !(invocation instanceof ProxyMethodInvocation proxied)) {
                return invocation.proceed();
            }
            String what = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                    + invocation.getMethod().getName();
            return retry.getObject().call(what, () -> proxied.invocableClone().proceed());
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, interceptor);
        advisor.setOrder(ORDER);
        return advisor;
    }
}
