package vn.lienthong.gateway.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Turns whatever stopped a REST ingress route into a problem+json answer with a stable code (recorded by
 * {@link IngressRefusals}); answers 503 with {@code Retry-After} when the store or the queue could not take the message.
 */
@Component("problemResponder")
public class ProblemResponder {

    static final String RETRY_AFTER_SECONDS = String.valueOf(IngressRefusals.RETRY_AFTER_UNAVAILABLE_SECONDS);

    private final ObjectMapper json;
    private final IngressRefusals refusals;

    ProblemResponder(ObjectMapper json, IngressRefusals refusals) {
        this.json = json;
        this.refusals = refusals;
    }

    /** Writes the answer for the exception caught on the exchange. */
    public void respond(Exchange exchange) throws JsonProcessingException {
        IngressRefusals.Refusal refusal = refusals.refuse(exchange);
        exchange.getIn().removeHeaders("*");
        if (refusal.retryAfterSeconds() != null) {
            exchange.getIn().setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        }
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, refusal.problem().status());
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        exchange.getIn().setBody(json.writeValueAsBytes(refusal.problem()));
    }
}
