package vn.lienthong.gateway.dossier;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.delivery.DeliveryMetrics;
import vn.lienthong.gateway.delivery.DeliveryQueues;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.IdempotencyKeys;
import vn.lienthong.gateway.ingress.IdempotencyKeys.Claim;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.Direction;
import vn.lienthong.gateway.messagelog.IdempotencyRecord;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.NewMessage;

/**
 * Stores a validated dossier as a new message for its destination and prepares it for the durable queue; a request
 * repeating an idempotency key with the same body gets the first answer instead.
 */
@Component("dossierIntake")
public class DossierIntake {

    static final String KIND = "DOSSIER";

    private final MessageStore store;
    private final IdempotencyKeys keys;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;

    DossierIntake(MessageStore store, IdempotencyKeys keys, DeliveryMetrics metrics, ObjectMapper json) {
        this.store = store;
        this.keys = keys;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Records the message as RECEIVED (with its idempotency key) and makes the body and headers the queue carries;
     * or, for a repeated key, sets {@link ExchangeKeys#IDEMPOTENT_REPLAY} and the first answer as the body.
     */
    public void receive(Exchange exchange) throws JsonProcessingException {
        Optional<Claim> claim = keys.claimOf(exchange);
        Optional<String> earlier = claim.flatMap(keys::earlierAnswer);
        if (earlier.isPresent()) {
            replay(exchange, earlier.get());
            return;
        }
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        String destination = exchange.getProperty(ExchangeKeys.DESTINATION, String.class);
        String messageId = UUID.randomUUID().toString();
        String answer = json.writeValueAsString(new Accepted(messageId, "ACCEPTED", List.of(destination)));
        NewMessage message = new NewMessage(messageId, KIND, Direction.OUTBOUND, Channel.ofPath(
                exchange.getProperty(ExchangeKeys.REQUEST_PATH, String.class)), dossier.dossierCode(), null,
                dossier.agencyCode(), destination,
                client.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                exchange.getProperty(ExchangeKeys.RAW_BODY, byte[].class));
        try {
            store.insertReceived(message, claim.map(c -> new IdempotencyRecord(c.clientId(), c.key(),
                    c.requestSha256(), messageId, answer, c.expiresAt())).orElse(null));
        } catch (DuplicateKeyException raced) {
            replay(exchange, claim.flatMap(keys::earlierAnswer).orElseThrow(() -> new GatewayException(
                    ErrorCode.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is in progress.")));
            return;
        }
        DeliveryQueues.envelope(exchange.getIn(), new DeliveryQueues.Envelope(messageId, KIND, dossier.dossierCode(),
                dossier.agencyCode(), destination, client.id()));
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

    private void replay(Exchange exchange, String answer) throws JsonProcessingException {
        exchange.setProperty(ExchangeKeys.IDEMPOTENT_REPLAY, true);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(json.readTree(answer));
    }

    /** The answer to an accepted submission. */
    public record Accepted(String messageId, String status, List<String> destinations) {
    }
}
