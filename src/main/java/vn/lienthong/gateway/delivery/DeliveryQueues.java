package vn.lienthong.gateway.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.camel.Message;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.messagelog.Direction;

/** The durable queue of each kind of message and destination, and the headers every queued message carries. */
public final class DeliveryQueues {

    /** The destination of what goes inward: the local document system of the recipient organ. */
    public static final String LOCAL = "LOCAL";
    /** The queue of incoming documents and status messages for the local document systems. */
    public static final String DOCUMENT_LOCAL_QUEUE = "lienthong.document.local";

    /**
     * Queue by kind and destination. A dossier's records and progress steps share their destination's queue, so that
     * they keep their order there; a document and the status messages about documents share the axis queue (and,
     * inward, the local systems' queue), grouped by document id.
     */
    private static final Map<String, String> QUEUES = Map.of(
            "DOSSIER/DVCQG", "lienthong.dossier.dvcqg",
            "PROGRESS/DVCQG", "lienthong.dossier.dvcqg",
            "DOSSIER/LGSP", "lienthong.dossier.lgsp",
            "PROGRESS/LGSP", "lienthong.dossier.lgsp",
            MessageKinds.DOCUMENT + "/VDXP", "lienthong.document.vdxp",
            MessageKinds.DOCUMENT_STATUS + "/VDXP", "lienthong.document.vdxp",
            MessageKinds.DOCUMENT + "/" + LOCAL, DOCUMENT_LOCAL_QUEUE,
            MessageKinds.DOCUMENT_STATUS + "/" + LOCAL, DOCUMENT_LOCAL_QUEUE,
            "CHAIN_LEG/LGSP", "lienthong.dossier.lgsp");

    /** Which way a message to this destination goes: inward to a local system, or outward to a platform. */
    public static Direction directionOf(String destination) {
        return LOCAL.equals(destination) ? Direction.INBOUND : Direction.OUTBOUND;
    }

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

    /** The queue an envelope's message goes on. */
    public static String queueFor(Envelope envelope) {
        return queueFor(envelope.kind(), envelope.destination());
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

    /** The JMS message that carries a payload with its envelope on a delivery queue. */
    public static TextMessage toJms(Session session, Envelope envelope, String payload) throws JMSException {
        TextMessage message = session.createTextMessage(payload);
        for (Map.Entry<String, String> header : envelope.headers().entrySet()) {
            message.setStringProperty(header.getKey(), header.getValue());
        }
        return message;
    }

    /**
     * What a queued message says about itself (as JMS properties), enough to deliver it and to restore its record
     * should the message store have lost it; grouped by dossier (or, for documents, by document id) for order.
     */
    public record Envelope(String messageId, String kind, String dossierCode, String documentId, String agencyCode,
                           String destination, String clientId) {

        /** The envelope of a message about a dossier. */
        public static Envelope ofDossier(String messageId, String kind, String dossierCode, String agencyCode,
                                         String destination, String clientId) {
            return new Envelope(messageId, kind, dossierCode, null, agencyCode, destination, clientId);
        }

        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(ExchangeKeys.MESSAGE_ID, messageId);
            headers.put(ExchangeKeys.KIND, kind);
            headers.put(ExchangeKeys.DOSSIER_CODE, dossierCode);
            headers.put(ExchangeKeys.DOCUMENT_ID, documentId);
            headers.put(ExchangeKeys.AGENCY_CODE, agencyCode);
            headers.put(ExchangeKeys.DESTINATION, destination);
            headers.put(ExchangeKeys.CLIENT_ID, clientId);
            headers.put("JMSXGroupID", dossierCode != null ? dossierCode : documentId);
            headers.values().removeIf(java.util.Objects::isNull);
            return headers;
        }
    }
}
