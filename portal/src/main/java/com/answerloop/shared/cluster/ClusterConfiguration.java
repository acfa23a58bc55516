package com.answerloop.shared.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jobs marked {@code @SchedulerLock} run on one node at a time: the first node to reach a run takes the job's row in
 * the {@code shedlock} table until the run ends (and at least its {@code lockAtLeastFor}, so a node whose clock is a
 * little behind does not run the same tick again). Without the profile the annotation does nothing.
 */
@Configuration
@Profile("cluster")
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@EnableConfigurationProperties(ClusterSettings.class)
class ClusterConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource, ClusterSettings settings) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                // locked_by names the node as operators know it, e.g. in "an import is already running on ..."
                .withLockedByValue(settings.nodeId())
                // the database's clock decides, not the nodes' clocks
                .usingDbTime()
                .build());
    }
}
