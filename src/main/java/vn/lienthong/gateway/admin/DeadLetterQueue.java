package vn.lienthong.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.DeliveryQueues;
import vn.lienthong.gateway.messagelog.StoredMessage;

/** Takes a message's copies off its dead-letter queue and puts it back on its delivery queue, in one JMS transaction. */
@Component
class DeadLetterQueue {

    static final long RECEIVE_TIMEOUT_MS = 200;

    private final JmsTemplate jms;

    DeadLetterQueue(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /** Moves the message from its dead-letter queue (its copy there may be missing) to its delivery queue. */
    void requeue(StoredMessage message) {
        String queue = DeliveryQueues.queueFor(message.kind(), message.destination());
        jms.execute(session -> {
            try (MessageConsumer dlq = copiesOf(session, queue, message.messageId());
                 MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                takeCopies(dlq);
                TextMessage fresh = session.createTextMessage(new String(message.payload(), StandardCharsets.UTF_8));
                for (Map.Entry<String, String> header : new DeliveryQueues.Envelope(message.messageId(),
                        message.kind(), message.dossierCode(), message.documentId(), message.agencyCode(),
                        message.destination(), message.clientId()).headers().entrySet()) {
                    fresh.setStringProperty(header.getKey(), header.getValue());
                }
                producer.send(fresh);
                session.commit();
            }
            return null;
        }, true);
    }

    /**
     * Takes the message's copies off its dead-letter queue, committing only when {@code decision} (the message store's
     * change) succeeds; answers the decision.
     */
    boolean discard(StoredMessage message, BooleanSupplier decision) {
        String queue = DeliveryQueues.queueFor(message.kind(), message.destination());
        Boolean discarded = jms.execute(session -> {
            try (MessageConsumer dlq = copiesOf(session, queue, message.messageId())) {
                takeCopies(dlq);
                if (!decision.getAsBoolean()) {
                    session.rollback();
                    return false;
                }
                session.commit();
                return true;
            }
        }, true);
        return Boolean.TRUE.equals(discarded);
    }

    private static MessageConsumer copiesOf(Session session, String queue, String messageId) throws JMSException {
        // messageId is a checked UUID, so it cannot break out of the selector's string literal
        return session.createConsumer(session.createQueue(queue + ".dlq"),
                ExchangeKeys.MESSAGE_ID + " = '" + messageId + "'");
    }

    private static void takeCopies(MessageConsumer dlq) throws JMSException {
        if (dlq.receive(RECEIVE_TIMEOUT_MS) != null) {
            while (dlq.receiveNoWait() != null) {
                // a message dead-lettered twice has two copies; all go
            }
        }
    }
}
