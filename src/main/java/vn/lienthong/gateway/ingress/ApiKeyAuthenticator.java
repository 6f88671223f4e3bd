package vn.lienthong.gateway.ingress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.config.GatewayProperties;

/**
 * Identifies the caller and applies its rate limit, the first step after {@code ingressHeaders} of every REST and
 * SOAP route: on the mTLS port by its client certificate alone ({@link ClientCertificateAuthenticator}), on the plain
 * HTTP port by the {@code X-API-Key} header against the hashed keys of the configured clients, unless
 * {@code lienthong.api-keys.enabled} is false.
 */
@Component("apiKeyAuthenticator")
public class ApiKeyAuthenticator {

    static final String HEADER = "X-API-Key";
    private static final int MAX_KEY_LENGTH = 256;

    private final List<Registered> clients;
    private final boolean apiKeysEnabled;
    private final ClientCertificateAuthenticator certificates;
    private final RateLimiter rateLimiter;

    ApiKeyAuthenticator(GatewayProperties properties, ClientCertificateAuthenticator certificates,
                        RateLimiter rateLimiter) {
        this.certificates = certificates;
        this.rateLimiter = rateLimiter;
        this.apiKeysEnabled = properties.getApiKeys().isEnabled();
        this.clients = properties.getClients().stream().filter(c -> c.getApiKeySha256() != null)
                .map(c -> new Registered(HexFormat.of().parseHex(c.getApiKeySha256()), ClientIdentity.of(c)))
                .toList();
    }

    /**
     * Sets the caller's {@link ClientIdentity} on the exchange, or refuses with 401; refuses with 429 and
     * {@code Retry-After} a client over its rate limit.
     */
    public void authenticate(Exchange exchange) {
        Transport transport = Objects.requireNonNullElse(exchange.getProperty(ExchangeKeys.TRANSPORT, Transport.class),
                new Transport(false, List.of()));
        ClientIdentity identity = transport.mutualTls() ? certificates.identify(transport) : byApiKey(exchange);
        exchange.setProperty(ExchangeKeys.CLIENT, identity);
        Duration wait = rateLimiter.admit(identity.id());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new GatewayException(ErrorCode.RATE_LIMITED, "This client is over its rate limit; try again in "
                    + seconds + " s.").retryAfter(seconds);
        }
    }

    private ClientIdentity byApiKey(Exchange exchange) {
        if (!apiKeysEnabled) {
            throw new GatewayException(ErrorCode.AUTHENTICATION_REQUIRED,
                    "API keys are turned off; present a client certificate on the mTLS port.");
        }
        String key = exchange.getIn().getHeader(HEADER, String.class);
        if (key == null || key.isBlank()) {
            throw new GatewayException(ErrorCode.AUTHENTICATION_REQUIRED, "Send the API key in the X-API-Key header.");
        }
        return identify(key)
                .orElseThrow(() -> new GatewayException(ErrorCode.API_KEY_INVALID, "The API key is not registered."));
    }

    /** Requires the authenticated caller to be an administrator. */
    public void requireAdminRole(Exchange exchange) {
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        if (client == null || !client.hasRole(ClientIdentity.ROLE_ADMIN)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "This call needs an administrator's credential.");
        }
    }

    /** Requires the authenticated caller to be an auditor (a role separate from administrators). */
    public void requireAuditorRole(Exchange exchange) {
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        if (client == null || !client.hasRole(ClientIdentity.ROLE_AUDITOR)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "This call needs an auditor's credential.");
        }
    }

    Optional<ClientIdentity> identify(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = Sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        ClientIdentity found = null;
        for (Registered client : clients) {
            if (MessageDigest.isEqual(client.keyHash(), hash)) {
                found = client.identity();
            }
        }
        return Optional.ofNullable(found);
    }

    private record Registered(byte[] keyHash, ClientIdentity identity) {
    }
}
