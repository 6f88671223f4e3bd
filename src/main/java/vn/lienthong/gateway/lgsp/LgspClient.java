package vn.lienthong.gateway.lgsp;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;

/**
 * Calls the LGSP document services ({@code SyncDocument}, {@code UpdateDocumentTraces}) with a bearer token and the
 * message's idempotency key; when the platform refuses the token it calls once more with a renewed one. Any answer
 * but a confirmation is a classified {@link PlatformDeliveryException}.
 */
@Component("lgspClient")
public class LgspClient {

    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final int MAX_REASON_LENGTH = 500;

    private final LgspProperties settings;
    private final LgspEndpoint endpoint;
    private final LgspTokens tokens;
    private final LgspHttp http;
    private final ObjectMapper json;

    LgspClient(LgspProperties settings, LgspEndpoint endpoint, LgspTokens tokens, LgspHttp http, ObjectMapper json) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.http = http;
        this.json = json;
    }

    /** Sends the exchange's platform record to {@code SyncDocument}; returns normally only when LGSP confirmed it. */
    public void syncDocument(Exchange exchange) {
        call(exchange, settings.getSyncDocumentPath(), "SyncDocument");
    }

    /** Sends the exchange's platform record to {@code UpdateDocumentTraces}; returns only when LGSP confirmed it. */
    public void updateTraces(Exchange exchange) {
        call(exchange, settings.getUpdateTracesPath(), "UpdateDocumentTraces");
    }

    /** Sends a chain leg's record to the leg's LGSP service ({@link ExchangeKeys#LGSP_SERVICE_PATH}). */
    public void syncChainLeg(Exchange exchange) {
        String path = exchange.getProperty(ExchangeKeys.LGSP_SERVICE_PATH, String.class);
        call(exchange, path, path.substring(path.lastIndexOf('/') + 1));
    }

    private void call(Exchange exchange, String path, String service) {
        Object record = exchange.getProperty(ExchangeKeys.PLATFORM_RECORD);
        String idempotencyKey = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        int status = post(path, service, record, idempotencyKey);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }

    int post(String path, String service, Object record, String idempotencyKey) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw PlatformDeliveryException.permanentFailure(null, "The " + service + " record cannot be written: "
                    + e.getClass().getSimpleName());
        }
        String token = tokens.bearer();
        LgspHttp.Reply reply = send(path, service, body, token, idempotencyKey);
        if (tokenRefused(reply)) {
            reply = send(path, service, body, tokens.renewAfterRejection(token), idempotencyKey);
            if (tokenRefused(reply)) {
                throw PlatformDeliveryException.transientFailure(reply.status(), "LGSP refused a fresh token (HTTP "
                        + reply.status() + ")" + describe(reply), reply.retryAfter(), null);
            }
        }
        if (!reply.success()) {
            throw PlatformDeliveryException.forStatus(reply.status(), "LGSP " + service + " answered HTTP "
                    + reply.status() + describe(reply), reply.retryAfter());
        }
        if (reply.body() == null) {
            throw PlatformDeliveryException.transientFailure(reply.status(), "LGSP " + service + " reply is not a "
                    + "JSON object; not taken as a confirmation", null, null);
        }
        String code = reply.text("ErrorCode");
        if (!code.isEmpty() && !"0".equals(code) && !"00".equals(code)) {
            throw PlatformDeliveryException.permanentFailure(reply.status(), "LGSP refused the " + service + " record"
                    + describe(reply));
        }
        return reply.status();
    }

    private LgspHttp.Reply send(String path, String service, byte[] body, String token, String idempotencyKey) {
        return http.post(endpoint.service(path), "application/json; charset=UTF-8", body,
                idempotencyKey == null ? Map.of("Authorization", "Bearer " + token)
                        : Map.of("Authorization", "Bearer " + token, IDEMPOTENCY_HEADER, idempotencyKey),
                "LGSP " + service);
    }

    private boolean tokenRefused(LgspHttp.Reply reply) {
        return reply.status() == 401 || settings.getTokenErrorCodes().contains(reply.text("ErrorCode"));
    }

    /** The platform's code, message and errors, bounded, with anything secret this client holds hidden. */
    private String describe(LgspHttp.Reply reply) {
        if (reply.body() == null) {
            return "; the reply is not a JSON object";
        }
        String code = reply.text("ErrorCode");
        String message = reply.text("ErrorDesc");
        String text = (code.isEmpty() ? "" : ": ErrorCode " + code) + (message.isBlank() ? "" : " (" + message + ")");
        if (reply.body().has("errors")) {
            text += " " + reply.body().get("errors");
        }
        text = tokens.redact(text);
        return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text;
    }
}
