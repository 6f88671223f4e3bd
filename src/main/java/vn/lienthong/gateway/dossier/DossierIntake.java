package vn.lienthong.gateway.dossier;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
import vn.lienthong.gateway.messagelog.MessageIds;
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

    private final MessageStore store;
    private final IdempotencyKeys keys;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;
    private final DossierStates states;
    private final MessageIds messageIds;

    DossierIntake(MessageStore store, IdempotencyKeys keys, DeliveryMetrics metrics, ObjectMapper json,
                  DossierStates states, MessageIds messageIds) {
        this.states = states;
        this.messageIds = messageIds;
        this.store = store;
        this.keys = keys;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Records a dossier record as a RECEIVED message (with its idempotency key) and the dossier's state, and makes the
     * body and headers the queue carries; or, for a repeated key, sets {@link ExchangeKeys#IDEMPOTENT_REPLAY} and the
     * first answer as the body.
     */
    public void receive(Exchange exchange) throws JsonProcessingException {
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        receive(exchange, DOSSIER_KIND, dossier.dossierCode(), dossier.agencyCode(),
                messageId -> states.recordSync(dossier, messageId));
    }

    /**
     * Records a progress step as a RECEIVED message, moving the dossier's state in the same transaction (refused when
     * the status table does not allow the step), and makes what the queue carries; a repeated key as above.
     */
    public void receiveProgress(Exchange exchange) throws JsonProcessingException {
        Progress step = exchange.getProperty(ExchangeKeys.PROGRESS, Progress.class);
        String dossierCode = exchange.getProperty(ExchangeKeys.DOSSIER_CODE, String.class);
        receive(exchange, PROGRESS_KIND, dossierCode, exchange.getProperty(ExchangeKeys.AGENCY_CODE, String.class),
                messageId -> states.advance(dossierCode, step, messageId));
    }

    private void receive(Exchange exchange, String kind, String dossierCode, String agencyCode,
                         Consumer<String> stateChange) throws JsonProcessingException {
        Optional<Claim> claim = keys.claimOf(exchange);
        Optional<String> earlier = claim.flatMap(keys::earlierAnswer);
        if (earlier.isPresent()) {
            replay(exchange, earlier.get());
            return;
        }
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        String destination = exchange.getProperty(ExchangeKeys.DESTINATION, String.class);
        String messageId = messageIds.next();
        String answer = json.writeValueAsString(new Accepted(messageId, "ACCEPTED", List.of(destination)));
        NewMessage message = new NewMessage(messageId, kind, Direction.OUTBOUND,
                Channel.ofPath(exchange.getProperty(ExchangeKeys.REQUEST_PATH, String.class)), dossierCode, null,
                agencyCode, destination, client.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
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
        DeliveryQueues.envelope(exchange.getIn(), new DeliveryQueues.Envelope(messageId, kind, dossierCode,
                agencyCode, destination, client.id()));
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
