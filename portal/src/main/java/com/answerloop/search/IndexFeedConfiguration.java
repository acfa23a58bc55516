package com.answerloop.search;

import com.answerloop.shared.cluster.ClusterSettings;
import java.time.Clock;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.ImmediateRequeueMessageRecoverer;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How index changes reach every node: one node alone tells no one; in a cluster, each change is an {@link IndexChanged}
 * event that Spring Modulith externalises to the fanout exchange {@value #EXCHANGE}, which copies it into every
 * node's own durable queue {@code answerloop.index.<node>}. A
 * node that is down finds its changes waiting in its queue when it starts.
 */
@Configuration
class IndexFeedConfiguration {

    static final String EXCHANGE = "answerloop.index";

    @Bean
    @Profile("!cluster")
    IndexChangeFeed noIndexChangeFeed() {
        return IndexChangeFeed.NONE;
    }

    @Configuration
    @Profile("cluster")
    static class Cluster {

        /**
         * Looks at the node's queue before Spring declares it ({@link IndexFeedCatchUp}). The queue expires after
         * {@code answerloop.cluster.queue-expiry} without a reader, so a node removed for good stops collecting.
         */
        @Bean
        IndexFeedCatchUp indexFeedCatchUp(
                ClusterSettings cluster, CachingConnectionFactory connections, IndexKeeper keeper) {
            Queue queue = QueueBuilder.durable(EXCHANGE + "." + cluster.nodeId())
                    .expires((int)
                            Math.min(Integer.MAX_VALUE, cluster.queueExpiry().toMillis()))
                    .build();
            return new IndexFeedCatchUp(queue, connections.getRabbitConnectionFactory(), keeper);
        }

        @Bean
        Queue indexFeedQueue(IndexFeedCatchUp catchUp) {
            return catchUp.queue();
        }

        @Bean
        Declarables indexFeedTopology(Queue indexFeedQueue) {
            FanoutExchange exchange = new FanoutExchange(EXCHANGE, true, false);
            Binding binding = BindingBuilder.bind(indexFeedQueue).to(exchange);
            return new Declarables(exchange, binding);
        }

        @Bean
        IndexChangeFeed externalisedIndexChangeFeed(
                ApplicationEventPublisher events,
                PlatformTransactionManager transactions,
                ClusterSettings cluster,
                Clock clock) {
            return new ExternalisedIndexChangeFeed(
                    events, new TransactionTemplate(transactions), cluster.nodeId(), clock);
        }

        /**
         * Spring Modulith's externalisation of {@link IndexChanged}: an application module listener, so each change is
         * a publication of the event registry, sent after the commit and delivered again until the broker took it.
         */
        @Bean
        EventExternalizerModuleListener indexChangesToOtherNodes(
                EventExternalizationConfiguration configuration, RabbitTemplate rabbit) {
            return new EventExternalizerModuleListener(configuration, new RabbitIndexTransport(rabbit));
        }

        /**
         * A change this node could not apply (its database was away) goes back to its queue after the retries: it
         * must not be dropped, or this node's index would miss it until the next rebuild.
         */
        @Bean
        MessageRecoverer indexFeedRecoverer() {
            return new ImmediateRequeueMessageRecoverer();
        }
    }
}
