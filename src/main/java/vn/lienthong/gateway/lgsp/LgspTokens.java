package vn.lienthong.gateway.lgsp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;

/**
 * Holds the bearer token the gateway calls LGSP with, obtained by OAuth2 client credentials (RFC 6749 §4.4): cached,
 * renewed shortly before it expires, and renewed at once when the platform refuses it; callers that need a renewal at
 * the same time share one. Neither the token nor the client secret is ever written to a log or an exception.
 */
@Component
class LgspTokens {

    /** RFC 6750 b64token, bounded: what a bearer token may look like in an Authorization header. */
    static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]{1,8192}=*");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String HIDDEN = "(hidden)";
    private static final Logger LOG = LoggerFactory.getLogger(LgspTokens.class);

    private final LgspProperties settings;
    private final LgspEndpoint endpoint;
    private final LgspHttp http;
    private final Clock clock;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile AccessToken current;
    private volatile AccessToken previous;

    LgspTokens(LgspProperties settings, LgspEndpoint endpoint, LgspHttp http, Clock clock) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.http = http;
        this.clock = clock;
    }

    /** A token to call with: the cached one while it is not due for renewal, else a new one. */
    String bearer() {
        AccessToken token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        renewal.lock();
        try {
            token = current;
            if (token != null && clock.instant().isBefore(token.renewAt())) {
                return token.value();
            }
            return renew().value();
        } finally {
            renewal.unlock();
        }
    }

    /**
     * A token to call with after the platform refused {@code rejected}: a new one, unless another caller has already
     * replaced the refused token, in which case that replacement.
     */
    String renewAfterRejection(String rejected) {
        renewal.lock();
        try {
            AccessToken token = current;
            if (token != null && !token.value().equals(rejected)) {
                return token.value();
            }
            return renew().value();
        } finally {
            renewal.unlock();
        }
    }

    /** The text with the client secret and any token this client holds or held last replaced by {@code (hidden)}. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : new String[] {settings.getClientSecret(), valueOf(current), valueOf(previous)}) {
            if (secret != null && secret.length() >= 4) {
                redacted = redacted.replace(secret, HIDDEN);
            }
        }
        return redacted;
    }

    private AccessToken renew() {
        Instant requestedAt = clock.instant();
        LgspHttp.Reply reply = http.post(endpoint.token(), "application/x-www-form-urlencoded",
                form().getBytes(StandardCharsets.US_ASCII), authorization(), "LGSP token endpoint");
        if (!reply.success()) {
            throw PlatformDeliveryException.transientFailure(reply.status(), "LGSP token endpoint refused the client "
                    + "credentials (HTTP " + reply.status() + errorOf(reply) + ")", reply.retryAfter(), null);
        }
        AccessToken token = read(reply.body(), requestedAt);
        previous = current;
        current = token;
        LOG.info("Obtained an LGSP access token valid until {} (renewal from {})", token.expiresAt(), token.renewAt());
        return token;
    }

    private AccessToken read(JsonNode body, Instant requestedAt) {
        String value = body == null ? "" : body.path("access_token").asText("");
        String type = body == null ? "" : body.path("token_type").asText("bearer");
        if (!BEARER_TOKEN.matcher(value).matches() || !"bearer".equalsIgnoreCase(type)) {
            throw PlatformDeliveryException.transientFailure(200, "LGSP token endpoint answered without a usable "
                    + "bearer token (access_token missing or malformed, or token_type not Bearer)", null, null);
        }
        Duration lifetime = settings.getDefaultTokenLifetime();
        JsonNode expiresIn = body.path("expires_in");
        if (expiresIn.canConvertToLong() && expiresIn.asLong() > 0 || expiresIn.isTextual()
                && expiresIn.asText().matches("[0-9]{1,9}") && Long.parseLong(expiresIn.asText()) > 0) {
            lifetime = Duration.ofSeconds(expiresIn.asLong());
        }
        Duration margin = settings.getTokenRenewalMargin();
        Duration half = lifetime.dividedBy(2);
        Instant expiresAt = requestedAt.plus(lifetime);
        return new AccessToken(value, expiresAt.minus(margin.compareTo(half) > 0 ? half : margin), expiresAt);
    }

    private String form() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        if (!settings.getScope().isBlank()) {
            fields.put("scope", settings.getScope().strip());
        }
        if (settings.getClientAuthentication() == LgspProperties.ClientAuthentication.FORM) {
            fields.put("client_id", settings.getClientId());
            fields.put("client_secret", settings.getClientSecret());
        }
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private Map<String, String> authorization() {
        if (settings.getClientAuthentication() != LgspProperties.ClientAuthentication.BASIC) {
            return Map.of();
        }
        String pair = URLEncoder.encode(settings.getClientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.getClientSecret(), StandardCharsets.UTF_8);
        return Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** The OAuth2 {@code error} code of a refusal, when it is a plain code; its description is not repeated. */
    private static String errorOf(LgspHttp.Reply reply) {
        String error = reply.text("error");
        return ERROR_CODE.matcher(error).matches() ? ", error " + error : "";
    }

    private static String valueOf(AccessToken token) {
        return token == null ? null : token.value();
    }

    /** A bearer token and when it is due for renewal and when it expires; its value is never shown. */
    record AccessToken(String value, Instant renewAt, Instant expiresAt) {

        @Override
        public String toString() {
            return "AccessToken[value=(hidden), renewAt=" + renewAt + ", expiresAt=" + expiresAt + "]";
        }
    }
}
