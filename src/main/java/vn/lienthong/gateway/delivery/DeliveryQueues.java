package vn.lienthong.gateway.delivery;

import java.util.Map;

import org.apache.camel.Message;

import vn.lienthong.gateway.ExchangeKeys;

/** The durable queue of each kind of message and destination, and the headers every queued message carries. */
public final class DeliveryQueues {

    private static final Map<String, String> QUEUES = Map.of("DOSSIER/DVCQG", "lienthong.dossier.dvcqg");

    private DeliveryQueues() {
    }

    /** The queue name, e.g. {@code lienthong.dossier.dvcqg}; its dead-letter queue is the name + {@code .dlq}. */
    public static String queueFor(String kind, String destination) {
        String queue = QUEUES.get(kind + "/" + destination);
        if (queue == null) {
            throw new IllegalArgumentException("No delivery queue for " + kind + " to " + destination);
        }
        return queue;
    }

    /** Replaces the message's headers with those a queued message carries; grouped by dossier for order. */
    public static void envelope(Message message, String messageId, String dossierCode, String destination) {
        message.removeHeaders("*");
        message.setHeader(ExchangeKeys.MESSAGE_ID, messageId);
        message.setHeader(ExchangeKeys.DOSSIER_CODE, dossierCode);
        message.setHeader(ExchangeKeys.DESTINATION, destination);
        message.setHeader("JMSXGroupID", dossierCode);
    }
}
