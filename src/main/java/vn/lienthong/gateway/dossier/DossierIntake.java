package vn.lienthong.gateway.dossier;

import java.util.ArrayList;
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
import vn.lienthong.gateway.chain.ChainCatalog;
import vn.lienthong.gateway.chain.ChainLegs;
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
 * Stores a validated dossier record or progress step as a new message for its destination, with the dossier's state,
 * and prepares it for the durable queue; a request repeating an idempotency key with the same body gets the first
 * answer instead.
 */
@Component("dossierIntake")
public class DossierIntake {

    static final String DOSSIER_KIND = "DOSSIER";
    static final String PROGRESS_KIND = "PROGRESS";
    static final String CHAIN_LEG_KIND = "CHAIN_LEG";
    /** Chain legs travel over the provincial platform. */
    static final String CHAIN_DESTINATION = "LGSP";

    /** Exchange property: the answer {@link #receive} prepared, given once the queues took the messages. */
    static final String ACCEPTED = "lienthongAccepted";

    private final MessageStore store;
    private final IdempotencyKeys keys;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;
    private final DossierStates states;
    private final ChainCatalog chains;
    private final ChainLegs chainLegs;
    private final java.time.Clock clock;

    DossierIntake(MessageStore store, IdempotencyKeys keys, DeliveryMetrics metrics, ObjectMapper json,
                  DossierStates states, ChainCatalog chains, ChainLegs chainLegs, java.time.Clock clock) {
        this.states = states;
        this.chains = chains;
        this.chainLegs = chainLegs;
        this.clock = clock;
        this.store = store;
        this.keys = keys;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Records a dossier record as one RECEIVED message per destination the routing rules chose (with the request's
     * idempotency key) and the dossier's state, and makes the body and envelopes the queues carry; or, for a repeated
     * key, sets {@link ExchangeKeys#IDEMPOTENT_REPLAY} and the first answer as the body.
     */
    public void receive(Exchange exchange) throws JsonProcessingException {
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        List<String> destinations = destinationsOf(exchange);
        ChainCatalog.Chain chain = chains.startedBy(dossier.procedureCode())
                .filter(c -> !chainLegs.started(dossier.dossierCode())).orElse(null);
        receive(exchange, DOSSIER_KIND, dossier.dossierCode(), dossier.agencyCode(), destinations, chain,
                messageId -> states.recordSync(dossier, messageId, destinations));
    }

    /**
     * Records a progress step as one RECEIVED message per destination of its dossier, moving the dossier's state in
     * the same transaction (refused when the status table does not allow the step), and makes what the queues carry; a
     * repeated key as above.
     */
    public void receiveProgress(Exchange exchange) throws JsonProcessingException {
        Progress step = exchange.getProperty(ExchangeKeys.PROGRESS, Progress.class);
        String dossierCode = exchange.getProperty(ExchangeKeys.DOSSIER_CODE, String.class);
        receive(exchange, PROGRESS_KIND, dossierCode, exchange.getProperty(ExchangeKeys.AGENCY_CODE, String.class),
                destinationsOf(exchange), null, messageId -> states.advance(dossierCode, step, messageId));
    }

    private void receive(Exchange exchange, String kind, String dossierCode, String agencyCode,
                         List<String> destinations, ChainCatalog.Chain chain, Consumer<String> stateChange)
            throws JsonProcessingException {
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
            String messageId = UUID.randomUUID().toString();
            messages.add(new NewMessage(messageId, kind, Direction.OUTBOUND, channel, dossierCode, null, agencyCode,
                    destination, client.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                    payload));
            envelopes.add(new DeliveryQueues.Envelope(messageId, kind, dossierCode, agencyCode, destination,
                    client.id()));
        }
        List<DeliveryQueues.Envelope> legEnvelopes = new ArrayList<>();
        if (chain != null) {
            for (int leg = 0; leg < chain.legs().size(); leg++) {
                String messageId = UUID.randomUUID().toString();
                messages.add(new NewMessage(messageId, CHAIN_LEG_KIND, Direction.OUTBOUND, channel, dossierCode, null,
                        agencyCode, CHAIN_DESTINATION, client.id(),
                        exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class), payload));
                legEnvelopes.add(new DeliveryQueues.Envelope(messageId, CHAIN_LEG_KIND, dossierCode, agencyCode,
                        CHAIN_DESTINATION, client.id()));
            }
        }
        String firstId = envelopes.isEmpty() ? UUID.randomUUID().toString() : envelopes.get(0).messageId();
        Accepted accepted = Accepted.of(envelopes, chain, legEnvelopes);
        String answer = json.writeValueAsString(accepted);
        Consumer<String> alsoChain = chain == null ? stateChange : stateChange.andThen(first -> chainLegs.record(
                dossierCode, chain, legEnvelopes.stream().map(DeliveryQueues.Envelope::messageId).toList(),
                java.time.OffsetDateTime.now(clock)));
        try {
            store.insertReceived(messages, claim.map(c -> new IdempotencyRecord(c.clientId(), c.key(),
                    c.requestSha256(), firstId, answer, c.expiresAt())).orElse(null),
                    () -> alsoChain.accept(firstId));
        } catch (DuplicateKeyException raced) {
            if (claim.isEmpty() && chain != null) {
                // another request for the same dossier started its chain first: this one is an update, as later ones
                receive(exchange, kind, dossierCode, agencyCode, destinations, null, stateChange);
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
            throw new IllegalStateException("A " + kind + " message of dossier " + dossierCode + " has no destination");
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

    @SuppressWarnings("unchecked")
    private static List<String> destinationsOf(Exchange exchange) {
        List<String> destinations = exchange.getProperty(ExchangeKeys.DESTINATIONS, List.class);
        return destinations == null ? List.of() : destinations;
    }

    private void replay(Exchange exchange, String answer) throws JsonProcessingException {
        exchange.setProperty(ExchangeKeys.IDEMPOTENT_REPLAY, true);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(json.readTree(answer));
    }

    /**
     * The answer to an accepted submission: the message id of its first destination (in alphabetical order), every
     * destination, and each destination's own message.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(String messageId, String status, List<String> destinations,
                           List<DestinationMessage> messages, ChainStarted chain) {

        static Accepted of(List<DeliveryQueues.Envelope> envelopes, ChainCatalog.Chain chain,
                           List<DeliveryQueues.Envelope> legs) {
            List<LegMessage> legMessages = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                legMessages.add(new LegMessage(i + 1, chain.legs().get(i).agency(), legs.get(i).messageId()));
            }
            return new Accepted(envelopes.isEmpty() ? null : envelopes.get(0).messageId(), "ACCEPTED",
                    envelopes.stream().map(DeliveryQueues.Envelope::destination).toList(),
                    envelopes.stream().map(e -> new DestinationMessage(e.destination(), e.messageId())).toList(),
                    chain == null ? null : new ChainStarted(chain.name(), legMessages));
        }
    }

    /** The chain a dossier started: its name and each leg's message. */
    public record ChainStarted(String name, List<LegMessage> legs) {
    }

    /** The message of one chain leg. */
    public record LegMessage(int leg, String agency, String messageId) {
    }

    /** The message a submission became for one destination. */
    public record DestinationMessage(String destination, String messageId) {
    }
}
