package vn.lienthong.gateway.ingress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jms.JmsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.delivery.DeliveryQueues;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.Rejection;

/**
 * Decides what the client is told about whatever stopped an ingress request, whichever channel it came by, and
 * records it: a refusal as REJECTED in the message log, a store or queue failure (503) or an unexpected one (500) by
 * marking a message this request stored as REFUSED.
 */
@Component
public class IngressRefusals {

    /** Seconds a client is told to wait when the store or the queue could not take its message. */
    public static final long RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(IngressRefusals.class);

    private final MessageStore store;

    IngressRefusals(MessageStore store) {
        this.store = store;
    }

    /** The problem to answer for the exception caught on the exchange, recorded as described above. */
    public Refusal refuse(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught instanceof GatewayException refused) {
            recordRejection(exchange, refused);
            return new Refusal(Problem.of(refused.code(), refused.getMessage(), refused.violations()),
                    refused.retryAfterSeconds());
        }
        if (isUnavailable(caught)) {
            refuseStoredMessage(exchange, "the store or the queue was unavailable");
            LOG.error("Message store or queue unavailable; answering 503", caught);
            return new Refusal(Problem.of(ErrorCode.SERVICE_UNAVAILABLE,
                    "The gateway cannot store or queue the message now; send it again later.", List.of()),
                    RETRY_AFTER_UNAVAILABLE_SECONDS);
        }
        refuseStoredMessage(exchange, "the request failed: "
                + (caught == null ? "unknown" : caught.getClass().getSimpleName()));
        LOG.error("Unexpected failure in an ingress route", caught);
        return new Refusal(Problem.of(ErrorCode.INTERNAL_ERROR, "The gateway failed to handle the request.",
                List.of()), null);
    }

    /**
     * The messages stored by this request (one per destination) but not confirmed on their queues are not accepted:
     * the client was not told so.
     */
    private void refuseStoredMessage(Exchange exchange, String reason) {
        for (String messageId : storedMessageIds(exchange)) {
            try {
                store.markRefused(messageId, reason);
            } catch (DataAccessException e) {
                LOG.error("Could not mark message {} REFUSED; it stays RECEIVED and is not queued", messageId, e);
            }
        }
    }

    private static Set<String> storedMessageIds(Exchange exchange) {
        Set<String> ids = new LinkedHashSet<>();
        List<?> outbound = exchange.getProperty(ExchangeKeys.OUTBOUND, List.class);
        if (outbound != null) {
            outbound.stream().filter(DeliveryQueues.Envelope.class::isInstance).map(DeliveryQueues.Envelope.class::cast)
                    .forEach(envelope -> ids.add(envelope.messageId()));
        }
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        if (messageId != null) {
            ids.add(messageId);
        }
        return ids;
    }

    private void recordRejection(Exchange exchange, GatewayException refused) {
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        byte[] body = exchange.getProperty(ExchangeKeys.RAW_BODY, byte[].class);
        try {
            store.recordRejection(new Rejection(
                    Channel.ofPath(exchange.getProperty(ExchangeKeys.REQUEST_PATH, String.class)),
                    client == null ? null : client.id(),
                    exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class), refused.code().name(),
                    refused.getMessage(), body == null ? null : Sha256.hex(body)));
        } catch (DataAccessException e) {
            LOG.error("Could not record a rejection ({}) in the message log", refused.code(), e);
        }
    }

    private static boolean isUnavailable(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException
                    || cause instanceof java.sql.SQLException || cause instanceof JmsException
                    || cause instanceof jakarta.jms.JMSException) {
                return true;
            }
        }
        return false;
    }

    /** What the client is told: the problem, and the seconds after which it may try again (or null). */
    public record Refusal(Problem problem, Long retryAfterSeconds) {
    }
}
