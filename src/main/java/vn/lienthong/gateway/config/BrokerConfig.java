package vn.lienthong.gateway.config;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configures the embedded Artemis broker: a synced persistent journal, and on the gateway's queues the redelivery
 * backoff of {@code lienthong.delivery}; how many attempts a message gets is decided by the delivery workers.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfig {

    static final String QUEUE_MATCH = "lienthong.#";

    @Bean
    ArtemisConfigurationCustomizer lienthongBrokerSettings(GatewayProperties properties) {
        GatewayProperties.Delivery delivery = properties.getDelivery();
        return configuration -> {
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            configuration.setSecurityEnabled(false);
            configuration.addAddressSetting(QUEUE_MATCH, new AddressSettings()
                    .setRedeliveryDelay(delivery.getInitialDelay().toMillis())
                    .setRedeliveryMultiplier(delivery.getMultiplier())
                    .setMaxRedeliveryDelay(delivery.getMaxDelay().toMillis())
                    .setMaxDeliveryAttempts(-1)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true)
                    .setAutoDeleteQueues(false)
                    .setAutoDeleteAddresses(false));
        };
    }
}
