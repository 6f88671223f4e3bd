package vn.lienthong.gateway.ingress;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.Rejection;

/**
 * Turns whatever stopped an ingress route into a problem+json answer with a stable code, and records refusals in the
 * message log; answers 503 with {@code Retry-After} when the store or the queue could not take the message.
 */
@Component("problemResponder")
public class ProblemResponder {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    private final ObjectMapper json;
    private final MessageStore store;

    ProblemResponder(ObjectMapper json, MessageStore store) {
        this.json = json;
        this.store = store;
    }

    /** Writes the answer for the exception caught on the exchange. */
    public void respond(Exchange exchange) throws JsonProcessingException {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Problem problem;
        if (caught instanceof GatewayException refused) {
            problem = Problem.of(refused.code(), refused.getMessage(), refused.violations());
            if (refused.retryAfterSeconds() != null) {
                exchange.getIn().setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
            }
            recordRejection(exchange, refused);
        } else if (isUnavailable(caught)) {
            refuseStoredMessage(exchange, "the store or the queue was unavailable");
            LOG.error("Message store or queue unavailable; answering 503", caught);
            problem = Problem.of(ErrorCode.SERVICE_UNAVAILABLE,
                    "The gateway cannot store or queue the message now; send it again later.", List.of());
            exchange.getIn().setHeader("Retry-After", RETRY_AFTER_SECONDS);
        } else {
            refuseStoredMessage(exchange, "the request failed: " + caught.getClass().getSimpleName());
            LOG.error("Unexpected failure in an ingress route", caught);
            problem = Problem.of(ErrorCode.INTERNAL_ERROR, "The gateway failed to handle the request.", List.of());
        }
        write(exchange, problem);
    }

    void write(Exchange exchange, Problem problem) throws JsonProcessingException {
        String retryAfter = exchange.getIn().getHeader("Retry-After", String.class);
        exchange.getIn().removeHeaders("*");
        if (retryAfter != null) {
            exchange.getIn().setHeader("Retry-After", retryAfter);
        }
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        exchange.getIn().setBody(json.writeValueAsBytes(problem));
    }

    /** A message stored by this request but not confirmed on the queue is not accepted: the client did not get 202. */
    private void refuseStoredMessage(Exchange exchange, String reason) {
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        if (messageId == null) {
            return;
        }
        try {
            store.markRefused(messageId, reason);
        } catch (DataAccessException e) {
            LOG.error("Could not mark message {} REFUSED; it stays RECEIVED and is not queued", messageId, e);
        }
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
}
