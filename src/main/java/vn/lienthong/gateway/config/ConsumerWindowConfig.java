package vn.lienthong.gateway.config;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the gateway's JMS consumers take one message at a time from the broker instead of buffering a window of them.
 * A delivery worker opens its consumer inside each queue transaction (the transaction manager's session) and closes it
 * after one message; with a buffer, every consumer was first filled with up to a megabyte of messages that the broker
 * then had to take back and hand out again, a cost that grew with the backlog.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerWindowConfig {

    static final int NO_BUFFER = 0;

    @Bean
    static BeanPostProcessor lienthongConsumerWindow() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                Object factory = bean instanceof JmsPoolConnectionFactory pool ? pool.getConnectionFactory() : bean;
                if (factory instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setConsumerWindowSize(NO_BUFFER);
                }
                return bean;
            }
        };
    }
}
