package vn.lienthong.gateway.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /** Every destination that has a delivery queue, such as {@code DVCQG}. */
    public static Set<String> destinations() {
        Set<String> destinations = new TreeSet<>();
        QUEUES.keySet().forEach(key -> destinations.add(key.substring(key.indexOf('/') + 1)));
        return Collections.unmodifiableSet(destinations);
    }

    /** The headers (JMS properties) a queued message carries; grouped by dossier for order. */
    public static Map<String, String> headers(String messageId, String dossierCode, String destination) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ExchangeKeys.MESSAGE_ID, messageId);
        headers.put(ExchangeKeys.DOSSIER_CODE, dossierCode);
        headers.put(ExchangeKeys.DESTINATION, destination);
        headers.put("JMSXGroupID", dossierCode);
        return headers;
    }

    /** Replaces the message's headers with those a queued message carries; grouped by dossier for order. */
    public static void envelope(Message message, String messageId, String dossierCode, String destination) {
        message.removeHeaders("*");
        headers(messageId, dossierCode, destination).forEach(message::setHeader);
    }
}
