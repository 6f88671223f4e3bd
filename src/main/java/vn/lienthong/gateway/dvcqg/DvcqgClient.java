package vn.lienthong.gateway.dvcqg;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.delivery.RetryAfterHeader;
import vn.lienthong.gateway.signature.PayloadSigner;
import vn.lienthong.gateway.signature.SigningException;

/**
 * Speaks the DVCQG integration protocol: logs in for a session, posts records to the {@code service} operation with
 * the message's idempotency key (and the body's signature when {@code lienthong.dvcqg.payload-signature} asks for
 * one), logs in again once when the platform says the session expired, and reads {@code error_code}; anything else is
 * a classified {@link PlatformDeliveryException}.
 */
@Component("dvcqgClient")
public class DvcqgClient {

    static final String SYNC_SERVICE = "DongBoHoSoMC";
    static final String PROGRESS_SERVICE = "CapNhatTienDoHoSoMC";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final int MAX_REPLY_BYTES = 1 << 20;
    private static final int MAX_REASON_LENGTH = 500;

    private final DvcqgProperties settings;
    private final DvcqgEndpoint endpoint;
    private final ObjectMapper json;
    private final PayloadSigner payloadSigner;
    private final HttpClient http;
    private String session;

    DvcqgClient(DvcqgProperties settings, DvcqgEndpoint endpoint, ObjectMapper json, PayloadSigner payloadSigner) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.json = json;
        this.payloadSigner = payloadSigner;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the platform record on the exchange as {@code DongBoHoSoMC}; returns normally only when DVCQG confirmed it. */
    public void syncDossier(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getProperty(ExchangeKeys.PLATFORM_RECORD, Map.class);
        boolean updating = Boolean.TRUE.equals(exchange.getProperty(DvcqgRecordMapper.UPDATING, Boolean.class));
        String idempotencyKey = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        int status = callService(SYNC_SERVICE, updating, List.of(record), idempotencyKey);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }

    /** Sends the progress record on the exchange as {@code CapNhatTienDoHoSoMC}; returns only when DVCQG confirmed it. */
    public void reportProgress(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getProperty(ExchangeKeys.PLATFORM_RECORD, Map.class);
        String idempotencyKey = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        int status = callService(PROGRESS_SERVICE, false, List.of(record), idempotencyKey);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }

    int callService(String service, boolean updating, List<Map<String, Object>> records, String idempotencyKey) {
        String current = session();
        Reply reply = postService(current, service, updating, records, idempotencyKey);
        if (reply.sessionRejected(settings.getSessionErrorCodes())) {
            current = renewSession(current);
            reply = postService(current, service, updating, records, idempotencyKey);
            if (reply.sessionRejected(settings.getSessionErrorCodes())) {
                throw PlatformDeliveryException.transientFailure(reply.status(), "DVCQG refused a fresh session (HTTP "
                        + reply.status() + ")" + reply.describeError(), reply.retryAfter(), null);
            }
        }
        if (reply.status() / 100 != 2) {
            throw PlatformDeliveryException.forStatus(reply.status(), "DVCQG answered HTTP " + reply.status()
                    + reply.describeError(), reply.retryAfter());
        }
        if (reply.errorCode().isEmpty()) {
            throw PlatformDeliveryException.transientFailure(reply.status(),
                    "DVCQG reply has no error_code; not taken as a confirmation", null, null);
        }
        String code = reply.errorCode().get();
        if (!"0".equals(code) && !"00".equals(code)) {
            throw PlatformDeliveryException.permanentFailure(reply.status(),
                    "DVCQG refused the record" + reply.describeError());
        }
        return reply.status();
    }

    private Reply postService(String sessionToken, String service, boolean updating,
                              List<Map<String, Object>> records, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", sessionToken);
        body.put("madonvi", settings.getUnitCode());
        body.put("service", service);
        body.put("isUpdating", updating);
        body.put("data", records);
        return post(endpoint.operation("service"), body, idempotencyKey, true);
    }

    private synchronized String session() {
        if (session == null) {
            session = login();
        }
        return session;
    }

    /** Logs in again unless another worker already replaced the session that failed. */
    private synchronized String renewSession(String failed) {
        if (session == null || session.equals(failed)) {
            session = login();
        }
        return session;
    }

    private String login() {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("username", settings.getUsername());
        credentials.put("password", settings.getPassword());
        Reply reply = post(endpoint.operation("login"), credentials, null, false);
        String code = reply.errorCode().orElse("");
        String token = reply.body() == null ? "" : reply.body().path("session").asText("");
        if (reply.status() / 100 != 2 || !("0".equals(code) || "00".equals(code)) || token.isBlank()) {
            throw PlatformDeliveryException.transientFailure(reply.status(),
                    "DVCQG login refused (HTTP " + reply.status() + ")" + reply.describeError(), reply.retryAfter(),
                    null);
        }
        return token;
    }

    private Reply post(URI uri, Map<String, Object> body, String idempotencyKey, boolean signed) {
        try {
            byte[] requestBody = json.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(settings.getRequestTimeout())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody));
            if (idempotencyKey != null) {
                request.header(IDEMPOTENCY_HEADER, idempotencyKey);
            }
            if (signed) {
                signature(requestBody).forEach(request::header);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_REPLY_BYTES);
            }
            return new Reply(response.statusCode(), parse(bytes), RetryAfterHeader.of(response));
        } catch (IOException e) {
            throw PlatformDeliveryException.transientFailure(null,
                    "DVCQG unreachable: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformDeliveryException.transientFailure(null, "Interrupted while calling DVCQG", null, e);
        }
    }

    /** A key that cannot sign will not sign on the next attempt either: the message is dead-lettered with the reason. */
    private Map<String, String> signature(byte[] body) {
        try {
            return payloadSigner.headers(settings.getPayloadSignature(), body);
        } catch (SigningException e) {
            throw PlatformDeliveryException.permanentFailure(null,
                    "The request to DVCQG could not be signed with the gateway key: " + e.getMessage());
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** What the platform answered: HTTP status, the JSON object (null when not JSON), and Retry-After. */
    private record Reply(int status, JsonNode body, Duration retryAfter) {

        Optional<String> errorCode() {
            return body == null || !body.hasNonNull("error_code") ? Optional.empty()
                    : Optional.of(body.get("error_code").asText());
        }

        boolean sessionRejected(List<String> sessionErrorCodes) {
            return status == 401 || errorCode().filter(sessionErrorCodes::contains).isPresent();
        }

        String describeError() {
            if (body == null) {
                return "; the reply is not a JSON object";
            }
            String message = body.path("message").asText(body.path("error_message").asText(""));
            String text = errorCode().map(c -> ": error_code " + c).orElse("")
                    + (message.isBlank() ? "" : " (" + message + ")");
            if (body.has("errors")) {
                text += " " + body.get("errors");
            }
            return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text;
        }
    }
}
