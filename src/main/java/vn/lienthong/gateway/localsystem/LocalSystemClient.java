package vn.lienthong.gateway.localsystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.delivery.RetryAfter;

/**
 * Posts what the gateway passes inward to the local document system of an organ (docs/vdxp-adapter.md, Delivery to
 * local systems): JSON with the gateway's message id as {@code Idempotency-Key}; 2xx is delivered, 5xx, 408, 429 and
 * an unreachable system are worth another attempt ({@code Retry-After} honoured), any other answer is final.
 */
@Component
public class LocalSystemClient {

    /** The most of a refusal's body read, to name its {@code code}; the rest is dropped. */
    static final int MAX_ANSWER_READ = 4096;
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z0-9_]{1,64})\"");

    private final LocalSystems systems;

    LocalSystemClient(LocalSystems systems) {
        this.systems = systems;
    }

    /** Delivers one JSON body to the organ's local system and answers the HTTP status it confirmed with. */
    public int deliver(String organId, LocalResource resource, String idempotencyKey, byte[] json) {
        LocalSystemEndpoint endpoint = systems.of(organId).orElseThrow(() -> PlatformDeliveryException
                .permanentFailure(null, "No local document system is configured for organ " + organId
                        + " (lienthong.vdxp.local-systems)"));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resource(organId, resource))
                .timeout(endpoint.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (endpoint.apiKey() != null) {
            request.header("X-API-Key", endpoint.apiKey());
        }
        String who = "The local document system of " + organId;
        HttpResponse<InputStream> response;
        String answer;
        try {
            response = endpoint.http().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                answer = new String(body.readNBytes(MAX_ANSWER_READ), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw PlatformDeliveryException.transientFailure(null, who + " is unreachable: "
                    + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformDeliveryException.transientFailure(null, "Interrupted while delivering to " + organId,
                    null, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return status;
        }
        Duration retryAfter = RetryAfter.of(response);
        throw PlatformDeliveryException.forStatus(status, who + " answered HTTP " + status + codeOf(answer),
                retryAfter);
    }

    /** The stable code of a refusal's JSON body, when it names one; the body is never echoed otherwise. */
    private static String codeOf(String answer) {
        Matcher code = CODE.matcher(answer);
        return code.find() ? " (" + code.group(1) + ")" : "";
    }
}
