package vn.lienthong.gateway.lgsp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.delivery.RetryAfter;

/**
 * Posts to LGSP over one HTTP client (no redirects followed, bounded replies) and reads what it answers; a platform
 * that cannot be reached is a transient {@link PlatformDeliveryException}.
 */
@Component
class LgspHttp {

    static final int MAX_REPLY_BYTES = 1 << 20;

    private final LgspProperties settings;
    private final ObjectMapper json;
    private final HttpClient http;

    LgspHttp(LgspProperties settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts the body with the headers (name, value pairs) and answers the reply; what is said goes nowhere else. */
    Reply post(URI uri, String contentType, byte[] body, Map<String, String> headers, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.getRequestTimeout())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_REPLY_BYTES);
            }
            return new Reply(response.statusCode(), parse(bytes), RetryAfter.of(response));
        } catch (IOException e) {
            throw PlatformDeliveryException.transientFailure(null,
                    what + " unreachable: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformDeliveryException.transientFailure(null, "Interrupted while calling " + what, null, e);
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

    /** What LGSP answered: HTTP status, the JSON object (null when the reply is not one), and Retry-After. */
    record Reply(int status, JsonNode body, Duration retryAfter) {

        boolean success() {
            return status / 100 == 2;
        }

        /** A text field of the reply, or empty. */
        String text(String field) {
            return body == null || !body.hasNonNull(field) ? "" : body.get(field).asText("");
        }
    }
}
