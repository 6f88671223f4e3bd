package vn.lienthong.gateway.dossier;

import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.DeliveryMetrics;
import vn.lienthong.gateway.delivery.DeliveryQueues;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.NewMessage;

/** Stores a validated dossier as a new message for its destination and prepares it for the durable queue. */
@Component("dossierIntake")
public class DossierIntake {

    static final String KIND = "DOSSIER";

    private final MessageStore store;
    private final DeliveryMetrics metrics;

    DossierIntake(MessageStore store, DeliveryMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** Records the message as RECEIVED and makes the body and headers the queue carries. */
    public void receive(Exchange exchange) {
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        String destination = exchange.getProperty(ExchangeKeys.DESTINATION, String.class);
        byte[] payload = exchange.getProperty(ExchangeKeys.RAW_BODY, byte[].class);
        String messageId = UUID.randomUUID().toString();

        store.insertReceived(new NewMessage(messageId, KIND, dossier.dossierCode(), dossier.agencyCode(), destination,
                client.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class), payload));

        DeliveryQueues.envelope(exchange.getIn(), messageId, dossier.dossierCode(), destination);
        exchange.getIn().setBody(exchange.getProperty(ExchangeKeys.JSON_TEXT, String.class));
    }

    /** Marks the message QUEUED once the queue holds it, and makes the 202 answer. */
    public void queued(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        String destination = exchange.getIn().getHeader(ExchangeKeys.DESTINATION, String.class);
        store.markQueued(messageId);
        metrics.accepted(destination);
        exchange.getIn().setBody(new Accepted(messageId, "ACCEPTED", List.of(destination)));
    }

    /** The answer to an accepted submission. */
    public record Accepted(String messageId, String status, List<String> destinations) {
    }
}
