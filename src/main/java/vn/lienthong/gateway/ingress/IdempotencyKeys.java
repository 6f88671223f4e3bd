package vn.lienthong.gateway.ingress;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.messagelog.IdempotencyKeyStore;
import vn.lienthong.gateway.messagelog.IdempotencyKeyStore.KnownKey;
import vn.lienthong.gateway.messagelog.MessageState;

/**
 * The client's idempotency key ({@code Idempotency-Key} header or {@code messageId} in the body) and what it already
 * stands for: the same key with the same body gets the first answer again, with another body a 409.
 */
@Component
public class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** How long a request waits for another request with the same key to finish queueing its message. */
    static final Duration IN_PROGRESS_WAIT = Duration.ofSeconds(5);
    /** After this, a message still RECEIVED under a key is taken as never queued (its request failed). */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(20);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final IdempotencyKeyStore store;
    private final Duration window;
    private final Clock clock;

    IdempotencyKeys(IdempotencyKeyStore store, GatewayProperties properties, Clock clock) {
        this.store = store;
        this.window = properties.getIdempotency().getWindow();
        this.clock = clock;
    }

    /** The key this request carries and the hash of its body, or empty when it carries none. */
    public Optional<Claim> claimOf(Exchange exchange) {
        String header = exchange.getIn().getHeader(HEADER, String.class);
        JsonNode body = exchange.getProperty(ExchangeKeys.JSON, JsonNode.class);
        String inBody = body != null && body.hasNonNull("messageId") ? body.get("messageId").asText() : null;
        if (header != null && !FORMAT.matcher(header).matches()) {
            throw new GatewayException(ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "The Idempotency-Key header must be 1 to 128 letters, digits or . _ : -",
                    List.of(new Violation("Idempotency-Key", "not a valid key")));
        }
        if (header != null && inBody != null && !header.equals(inBody)) {
            throw new GatewayException(ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "The Idempotency-Key header and the body's messageId differ; send one key.",
                    List.of(new Violation("/messageId", "differs from the Idempotency-Key header")));
        }
        String key = header != null ? header : inBody;
        if (key == null) {
            return Optional.empty();
        }
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        return Optional.of(new Claim(client.id(), key, canonicalHash(body), OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC).plus(window)));
    }

    /**
     * The answer already given for this key, if it was used with the same body; a 409 if it was used with another.
     * Waits briefly while a request with the same key is still queueing its message.
     */
    public Optional<String> earlierAnswer(Claim claim) {
        long deadline = System.nanoTime() + IN_PROGRESS_WAIT.toNanos();
        while (true) {
            Optional<KnownKey> known = store.find(claim.clientId(), claim.key());
            if (known.isEmpty()) {
                return Optional.empty();
            }
            KnownKey k = known.get();
            if (!k.requestSha256().equals(claim.requestSha256())) {
                throw new GatewayException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with another body; use a new key for a new message.");
            }
            if (k.state() == MessageState.REFUSED || isStale(k)) {
                store.forget(claim.clientId(), claim.key());
                return Optional.empty();
            }
            if (k.state() != MessageState.RECEIVED) {
                return Optional.of(k.response());
            }
            if (System.nanoTime() > deadline) {
                throw new GatewayException(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                        "A request with this Idempotency-Key is still being accepted; send it again shortly.");
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private boolean isStale(KnownKey k) {
        return k.state() == MessageState.RECEIVED
                && k.acceptedAt().toInstant().plus(STALE_AFTER).isBefore(clock.instant());
    }

    /** SHA-256 of the body with object keys sorted, so that key order and white space do not matter. */
    static String canonicalHash(JsonNode body) {
        try {
            Object plain = CANONICAL.treeToValue(body, Object.class);
            return Sha256.hex(CANONICAL.writeValueAsBytes(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed body could not be serialised again", e);
        }
    }

    /** An idempotency key a client sent, with the hash of the body it came with and when it will be forgotten. */
    public record Claim(String clientId, String key, String requestSha256, OffsetDateTime expiresAt) {
    }
}
