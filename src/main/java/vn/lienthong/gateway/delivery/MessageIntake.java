package vn.lienthong.gateway.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.IdempotencyKeys;
import vn.lienthong.gateway.ingress.IdempotencyKeys.Claim;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.Direction;
import vn.lienthong.gateway.messagelog.IdempotencyRecord;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.NewMessage;

/**
 * Accepts a validated outbound message of any kind for its destination: stores it as RECEIVED with the client's
 * idempotency key (and, in the same transaction, the state change it depends on), prepares the body and headers the
 * durable queue carries, and, once the queue holds it, marks it QUEUED and makes the answer; a request repeating an
 * idempotency key with the same body gets the first answer instead.
 */
@Component("messageIntake")
public class MessageIntake {

    private final MessageStore store;
    private final IdempotencyKeys keys;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;

    MessageIntake(MessageStore store, IdempotencyKeys keys, DeliveryMetrics metrics, ObjectMapper json) {
        this.store = store;
        this.keys = keys;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Records the message the exchange carries (payload {@link ExchangeKeys#RAW_BODY}, queued body
     * {@link ExchangeKeys#JSON_TEXT}, destination {@link ExchangeKeys#DESTINATION}) as RECEIVED, running
     * {@code stateChange} with its new id in the same transaction, and leaves the queue's body and headers on the
     * exchange; or, for a repeated key, sets {@link ExchangeKeys#IDEMPOTENT_REPLAY} and the first answer as the body.
     */
    public void receive(Exchange exchange, Subject subject, Consumer<String> stateChange)
            throws JsonProcessingException {
        Optional<Claim> claim = keys.claimOf(exchange);
        Optional<String> earlier = claim.flatMap(keys::earlierAnswer);
        if (earlier.isPresent()) {
            replay(exchange, earlier.get());
            return;
        }
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        String destination = exchange.getProperty(ExchangeKeys.DESTINATION, String.class);
        String messageId = UUID.randomUUID().toString();
        String answer = json.writeValueAsString(Accepted.of(messageId, subject.documentId(), destination));
        NewMessage message = new NewMessage(messageId, subject.kind(), Direction.OUTBOUND,
                Channel.ofPath(exchange.getProperty(ExchangeKeys.REQUEST_PATH, String.class)), subject.dossierCode(),
                subject.documentId(), subject.agencyCode(), destination, client.id(),
                exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                exchange.getProperty(ExchangeKeys.RAW_BODY, byte[].class));
        try {
            store.insertReceived(message, claim.map(c -> new IdempotencyRecord(c.clientId(), c.key(),
                    c.requestSha256(), messageId, answer, c.expiresAt())).orElse(null),
                    () -> stateChange.accept(messageId));
        } catch (DuplicateKeyException raced) {
            Optional<String> first = claim.flatMap(keys::earlierAnswer);
            if (claim.isEmpty()) {
                throw raced;
            }
            replay(exchange, first.orElseThrow(() -> new GatewayException(
                    ErrorCode.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is in progress.")));
            return;
        }
        DeliveryQueues.envelope(exchange.getIn(), new DeliveryQueues.Envelope(messageId, subject.kind(),
                subject.dossierCode(), subject.documentId(), subject.agencyCode(), destination, client.id()));
        exchange.getIn().setBody(exchange.getProperty(ExchangeKeys.JSON_TEXT, String.class));
    }

    /** Marks the message QUEUED once the queue holds it, and makes the 202 answer. */
    public void queued(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        String destination = exchange.getIn().getHeader(ExchangeKeys.DESTINATION, String.class);
        String documentId = exchange.getIn().getHeader(ExchangeKeys.DOCUMENT_ID, String.class);
        store.markQueued(messageId);
        metrics.accepted(destination);
        exchange.getIn().setBody(Accepted.of(messageId, documentId, destination));
    }

    private void replay(Exchange exchange, String answer) throws JsonProcessingException {
        exchange.setProperty(ExchangeKeys.IDEMPOTENT_REPLAY, true);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(json.readTree(answer));
    }

    /** What a message is about: its kind, its dossier or document, and the agency (organ) it is from. */
    public record Subject(String kind, String dossierCode, String documentId, String agencyCode) {

        public static Subject ofDossier(String kind, String dossierCode, String agencyCode) {
            return new Subject(kind, dossierCode, null, agencyCode);
        }

        public static Subject ofDocument(String kind, String documentId, String organId) {
            return new Subject(kind, null, documentId, organId);
        }
    }

    /** The answer to an accepted submission; {@code documentId} only for messages about an official document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(String messageId, String documentId, String status, List<String> destinations) {

        static Accepted of(String messageId, String documentId, String destination) {
            return new Accepted(messageId, documentId, "ACCEPTED", List.of(destination));
        }
    }
}
