package vn.lienthong.gateway.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.Direction;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.NewMessage;
import vn.lienthong.gateway.messagelog.PendingMessage;

/**
 * Decides, before each delivery attempt, whether a message goes now: a copy of a message already finished is
 * acknowledged and dropped, and a message whose dossier (or document) has an earlier message still waiting for a retry
 * is held back until just after that retry, so a dossier's (a document's) messages reach the platform in the order
 * they were accepted.
 */
@Component("deliveryGate")
public class DeliveryGate {

    /** Exchange property set by {@link #admit}: {@code DELIVER}, {@code HOLD} or {@code DONE}. */
    public static final String DECISION = "lienthongGate";
    /** A chain leg goes to its own agency, independent of every other message of its dossier: never held. */
    private static final String CHAIN_LEG = "CHAIN_LEG";
    static final Duration MIN_HOLD = Duration.ofMillis(250);
    static final Duration AFTER_EARLIER_ATTEMPT = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryGate.class);

    private final MessageStore store;
    private final Clock clock;

    DeliveryGate(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Sets {@link #DECISION}; for {@code HOLD} also the broker's scheduled delivery time of the held message. */
    public void admit(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        Optional<PendingMessage> message = store.pending(messageId);
        if (message.isEmpty()) {
            LOG.warn("Message {} is on the queue but not in the message store; restoring its record from the queue",
                    messageId);
            store.restoreFromQueue(fromQueue(exchange));
            message = store.pending(messageId);
        }
        if (message.get().state().finished()) {
            LOG.debug("Message {} is already {}; dropping the copy", messageId, message.get().state());
            exchange.setProperty(DECISION, "DONE");
            return;
        }
        Optional<PendingMessage> earlier = CHAIN_LEG.equals(exchange.getIn().getHeader(ExchangeKeys.KIND))
                ? Optional.empty() : store.earlierPending(message.orElseThrow());
        if (earlier.isPresent()) {
            Instant now = clock.instant();
            Instant earliest = now.plus(MIN_HOLD);
            Instant afterEarlier = earlier.get().nextAttemptAt() == null ? earliest
                    : earlier.get().nextAttemptAt().toInstant().plus(AFTER_EARLIER_ATTEMPT);
            Instant until = afterEarlier.isAfter(earliest) ? afterEarlier : earliest;
            LOG.debug("Message {} waits for earlier message {} of {} until {}", messageId, earlier.get().messageId(),
                    message.get().dossierCode() != null ? message.get().dossierCode() : message.get().documentId(),
                    until);
            exchange.getIn().setHeader(DeliveryRecorder.SCHEDULED_DELIVERY, until.toEpochMilli());
            exchange.setProperty(DECISION, "HOLD");
            return;
        }
        exchange.setProperty(DECISION, "DELIVER");
    }

    private static NewMessage fromQueue(Exchange exchange) {
        Message in = exchange.getIn();
        byte[] body = in.getBody(byte[].class);
        String destination = in.getHeader(ExchangeKeys.DESTINATION, String.class);
        return new NewMessage(in.getHeader(ExchangeKeys.MESSAGE_ID, String.class),
                in.getHeader(ExchangeKeys.KIND, "DOSSIER", String.class), DeliveryQueues.directionOf(destination),
                Channel.QUEUE,
                in.getHeader(ExchangeKeys.DOSSIER_CODE, String.class),
                in.getHeader(ExchangeKeys.DOCUMENT_ID, String.class),
                in.getHeader(ExchangeKeys.AGENCY_CODE, String.class),
                destination, in.getHeader(ExchangeKeys.CLIENT_ID, "unknown", String.class), null,
                body == null ? new byte[0] : body);
    }
}
