package vn.lienthong.gateway.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Writes the exchange body as a JSON answer, with only the headers the answer needs. */
@Component("jsonResponder")
public class JsonResponder {

    private final ObjectMapper json;

    JsonResponder(ObjectMapper json) {
        this.json = json;
    }

    /** Answers 200 with the body as JSON. */
    public void ok(Exchange exchange) throws JsonProcessingException {
        write(exchange, 200);
    }

    /** Answers 202 with the body as JSON. */
    public void accepted(Exchange exchange) throws JsonProcessingException {
        write(exchange, 202);
    }

    private void write(Exchange exchange, int status) throws JsonProcessingException {
        Object body = exchange.getIn().getBody();
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setBody(json.writeValueAsBytes(body));
    }
}
