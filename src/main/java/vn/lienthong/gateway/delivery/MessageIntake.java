package vn.lienthong.gateway.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import vn.lienthong.gateway.messagelog.MessageIds;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.NewMessage;

/**
 * Accepts a validated outbound message of any kind: stores it as one RECEIVED message per destination with the
 * client's idempotency key (and, in the same transaction, the state change it depends on), leaves the payload and the
 * envelopes the delivery queues carry ({@link ExchangeKeys#OUTBOUND}, queued by {@link DeliveryQueueWriter}), and,
 * once the queues hold them, marks them QUEUED and makes the answer; a request repeating an idempotency key with the
 * same body gets the first answer instead.
 */
@Component("messageIntake")
public class MessageIntake {

    /** Exchange property: the answer {@link #receive} prepared, given once the queues took the messages. */
    private static final String ACCEPTED = "lienthongAccepted";

    private final MessageStore store;
    private final IdempotencyKeys keys;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;
    private final MessageIds messageIds;

    MessageIntake(MessageStore store, IdempotencyKeys keys, DeliveryMetrics metrics, ObjectMapper json,
                  MessageIds messageIds) {
        this.store = store;
        this.keys = keys;
        this.metrics = metrics;
        this.json = json;
        this.messageIds = messageIds;
    }

    /**
     * Records the message the exchange carries (payload {@link ExchangeKeys#RAW_BODY}, queued body
     * {@link ExchangeKeys#JSON_TEXT}) as one RECEIVED message per destination, running {@code stateChange} with the
     * first one's id in the same transaction (its refusal, such as an unknown dossier, is the answer), and leaves the queues' body and envelopes on the exchange; or, for a
     * repeated key, sets {@link ExchangeKeys#IDEMPOTENT_REPLAY} and the first answer as the body.
     */
    public void receive(Exchange exchange, Subject subject, List<String> destinations, Consumer<String> stateChange)
            throws JsonProcessingException {
        receive(exchange, subject, destinations, null, stateChange);
    }

    /**
     * As {@link #receive(Exchange, Subject, List, Consumer)}, and also one message per leg of the chain the message
     * starts ({@code legs}, null for none), stored, recorded and queued with the others and listed in the answer.
     */
    public void receive(Exchange exchange, Subject subject, List<String> destinations, ChainLegs legs,
                        Consumer<String> stateChange) throws JsonProcessingException {
        Optional<Claim> claim = keys.claimOf(exchange);
        Optional<String> earlier = claim.flatMap(keys::earlierAnswer);
        if (earlier.isPresent()) {
            replay(exchange, earlier.get());
            return;
        }
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        Channel channel = Channel.ofPath(exchange.getProperty(ExchangeKeys.REQUEST_PATH, String.class));
        byte[] payload = exchange.getProperty(ExchangeKeys.RAW_BODY, byte[].class);
        List<NewMessage> messages = new ArrayList<>();
        List<DeliveryQueues.Envelope> envelopes = new ArrayList<>();
        for (String destination : destinations) {
            String messageId = messageIds.next();
            messages.add(new NewMessage(messageId, subject.kind(), Direction.OUTBOUND, channel, subject.dossierCode(),
                    subject.documentId(), subject.agencyCode(), destination, client.id(),
                    exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class), payload));
            envelopes.add(new DeliveryQueues.Envelope(messageId, subject.kind(), subject.dossierCode(),
                    subject.documentId(), subject.agencyCode(), destination, client.id()));
        }
        List<DeliveryQueues.Envelope> legEnvelopes = new ArrayList<>();
        if (legs != null) {
            for (int leg = 0; leg < legs.agencies().size(); leg++) {
                String messageId = messageIds.next();
                messages.add(new NewMessage(messageId, legs.kind(), Direction.OUTBOUND, channel, subject.dossierCode(),
                        subject.documentId(), subject.agencyCode(), legs.destination(), client.id(),
                        exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class), payload));
                legEnvelopes.add(new DeliveryQueues.Envelope(messageId, legs.kind(), subject.dossierCode(),
                        subject.documentId(), subject.agencyCode(), legs.destination(), client.id()));
            }
        }
        String firstId = envelopes.isEmpty() ? messageIds.next() : envelopes.get(0).messageId();
        Accepted accepted = Accepted.of(envelopes, legs, legEnvelopes);
        String answer = json.writeValueAsString(accepted);
        Consumer<String> withLegs = legs == null ? stateChange : stateChange.andThen(first -> legs.record()
                .accept(legEnvelopes.stream().map(DeliveryQueues.Envelope::messageId).toList()));
        try {
            store.insertReceived(messages, claim.map(c -> new IdempotencyRecord(c.clientId(), c.key(),
                    c.requestSha256(), firstId, answer, c.expiresAt())).orElse(null),
                    () -> withLegs.accept(firstId));
        } catch (DuplicateKeyException raced) {
            if (claim.isEmpty() && legs != null) {
                // another request for the same dossier started its chain first: this one is an update, as later ones
                receive(exchange, subject, destinations, null, stateChange);
                return;
            }
            Optional<String> first = claim.flatMap(keys::earlierAnswer);
            if (claim.isEmpty()) {
                throw raced;
            }
            replay(exchange, first.orElseThrow(() -> new GatewayException(
                    ErrorCode.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is in progress.")));
            return;
        }
        if (envelopes.isEmpty()) {
            throw new IllegalStateException("A " + subject.kind() + " message has no destination");
        }
        envelopes.addAll(legEnvelopes);
        exchange.setProperty(ExchangeKeys.OUTBOUND, List.copyOf(envelopes));
        exchange.setProperty(ACCEPTED, accepted);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(exchange.getProperty(ExchangeKeys.JSON_TEXT, String.class));
    }

    /** Marks the request's messages QUEUED once their queues hold them, and makes the 202 answer. */
    public void queued(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<DeliveryQueues.Envelope> envelopes = exchange.getProperty(ExchangeKeys.OUTBOUND, List.class);
        store.markQueued(envelopes.stream().map(DeliveryQueues.Envelope::messageId).toList());
        envelopes.forEach(envelope -> metrics.accepted(envelope.destination()));
        exchange.getIn().setBody(exchange.getProperty(ACCEPTED, Accepted.class));
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

    /**
     * The answer to an accepted submission: the message id of its first destination (in alphabetical order), the
     * edXML document id for a message about an official document, every destination, and each destination's own
     * message.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(String messageId, String documentId, String status, List<String> destinations,
                           List<DestinationMessage> messages, ChainStarted chain) {

        static Accepted of(List<DeliveryQueues.Envelope> envelopes, ChainLegs legs,
                           List<DeliveryQueues.Envelope> legEnvelopes) {
            List<LegMessage> legMessages = new ArrayList<>();
            for (int i = 0; i < legEnvelopes.size(); i++) {
                legMessages.add(new LegMessage(i + 1, legs.agencies().get(i), legEnvelopes.get(i).messageId()));
            }
            return new Accepted(envelopes.isEmpty() ? null : envelopes.get(0).messageId(),
                    envelopes.isEmpty() ? null : envelopes.get(0).documentId(), "ACCEPTED",
                    envelopes.stream().map(DeliveryQueues.Envelope::destination).toList(),
                    envelopes.stream().map(e -> new DestinationMessage(e.destination(), e.messageId())).toList(),
                    legs == null ? null : new ChainStarted(legs.chain(), legMessages));
        }
    }

    /**
     * The legs of a chain a message starts: the chain's name, each leg's agency in order, the kind and destination of
     * the leg messages, and what records the legs (given their message ids, in the same transaction).
     */
    public record ChainLegs(String chain, List<String> agencies, String kind, String destination,
                            Consumer<List<String>> record) {
    }

    /** The chain a submission started: its name and each leg's message. */
    public record ChainStarted(String name, List<LegMessage> legs) {
    }

    /** The message of one chain leg. */
    public record LegMessage(int leg, String agency, String messageId) {
    }

    /** The message a submission became for one destination. */
    public record DestinationMessage(String destination, String messageId) {
    }
}
