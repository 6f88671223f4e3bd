package vn.lienthong.gateway.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Message;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.messagelog.Direction;
import vn.lienthong.gateway.messagelog.StoredMessage;

/** The durable queue of each kind of message and destination, and the headers every queued message carries. */
public final class DeliveryQueues {

    /** The destination of what goes inward: the local document system of the recipient organ. */
    public static final String LOCAL = "LOCAL";
    /** The queue of incoming documents and status messages for the local document systems. */
    public static final String DOCUMENT_LOCAL_QUEUE = "lienthong.document.local";

    private static final Map<String, String> QUEUES = Map.of(
            "DOSSIER/DVCQG", "lienthong.dossier.dvcqg",
            MessageKinds.DOCUMENT + "/" + LOCAL, DOCUMENT_LOCAL_QUEUE,
            MessageKinds.STATUS + "/" + LOCAL, DOCUMENT_LOCAL_QUEUE);

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

    /** Replaces the message's headers with those a queued message carries. */
    public static void envelope(Message message, Envelope envelope) {
        message.removeHeaders("*");
        envelope.headers().forEach(message::setHeader);
    }

    /**
     * What a queued message says about itself (as JMS properties), enough to deliver it and to restore its record
     * should the message store have lost it; grouped for order by dossier, or else by document and agency.
     */
    public record Envelope(String messageId, String kind, Direction direction, String dossierCode, String documentId,
                           String agencyCode, String destination, String clientId) {

        /** The envelope of an outgoing message about a dossier. */
        public Envelope(String messageId, String kind, String dossierCode, String agencyCode, String destination,
                        String clientId) {
            this(messageId, kind, Direction.OUTBOUND, dossierCode, null, agencyCode, destination, clientId);
        }

        /** The envelope a stored message is queued with again. */
        public static Envelope of(StoredMessage message) {
            return new Envelope(message.messageId(), message.kind(),
                    message.direction() == null ? Direction.OUTBOUND : message.direction(), message.dossierCode(),
                    message.documentId(), message.agencyCode(), message.destination(), message.clientId());
        }

        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(ExchangeKeys.MESSAGE_ID, messageId);
            headers.put(ExchangeKeys.KIND, kind);
            headers.put(ExchangeKeys.DIRECTION, direction == null ? null : direction.name());
            headers.put(ExchangeKeys.DOSSIER_CODE, dossierCode);
            headers.put(ExchangeKeys.DOCUMENT_ID, documentId);
            headers.put(ExchangeKeys.AGENCY_CODE, agencyCode);
            headers.put(ExchangeKeys.DESTINATION, destination);
            headers.put(ExchangeKeys.CLIENT_ID, clientId);
            headers.put("JMSXGroupID", dossierCode != null ? dossierCode
                    : documentId == null ? null : documentId + "|" + agencyCode);
            headers.values().removeIf(java.util.Objects::isNull);
            return headers;
        }
    }
}
