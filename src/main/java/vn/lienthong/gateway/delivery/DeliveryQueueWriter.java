package vn.lienthong.gateway.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;

import org.apache.camel.Exchange;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;

/**
 * Puts the messages a request stored (one per destination) on their delivery queues in one queue transaction, so that
 * either every destination's queue holds its message, journal synced, or none does.
 */
@Component("deliveryQueueWriter")
public class DeliveryQueueWriter {

    private final JmsTemplate jms;

    DeliveryQueueWriter(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /**
     * Queues every envelope of {@link ExchangeKeys#OUTBOUND} with the exchange body as payload; returns only once the
     * broker committed them, and throws (taking nothing) when it cannot.
     */
    public void enqueue(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<DeliveryQueues.Envelope> envelopes = exchange.getProperty(ExchangeKeys.OUTBOUND, List.class);
        String payload = exchange.getIn().getBody(String.class);
        jms.execute(session -> {
            Map<String, MessageProducer> producers = new HashMap<>();
            try {
                for (DeliveryQueues.Envelope envelope : envelopes) {
                    String queue = DeliveryQueues.queueFor(envelope);
                    MessageProducer producer = producers.get(queue);
                    if (producer == null) {
                        producer = session.createProducer(session.createQueue(queue));
                        producers.put(queue, producer);
                    }
                    producer.send(DeliveryQueues.toJms(session, envelope, payload));
                }
                session.commit();
            } finally {
                for (MessageProducer producer : producers.values()) {
                    producer.close();
                }
            }
            return null;
        }, true);
    }
}
