package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/** The gateway's JMS connection factory, pooled or not, hands its consumers one message at a time. */
class ConsumerWindowConfigTest {

    @Test
    void pooledArtemisFactoryBuffersNoMessagesForItsConsumers() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("vm://0");
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(artemis);

        Object processed = ConsumerWindowConfig.lienthongConsumerWindow().postProcessAfterInitialization(pool, "jms");

        assertThat(processed).isSameAs(pool);
        assertThat(artemis.getConsumerWindowSize()).isZero();
        pool.stop();
    }

    @Test
    void plainArtemisFactoryBuffersNoMessagesForItsConsumers() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("vm://0");

        ConsumerWindowConfig.lienthongConsumerWindow().postProcessAfterInitialization(artemis, "jms");

        assertThat(artemis.getConsumerWindowSize()).isZero();
    }
}
