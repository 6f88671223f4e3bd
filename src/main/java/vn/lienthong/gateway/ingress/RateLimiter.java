package vn.lienthong.gateway.ingress;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.config.GatewayProperties;

/** Holds one token bucket per client, sized by the client's own rate limit or the default one. */
@Component
public class RateLimiter {

    private final Clock clock;
    private final GatewayProperties.RateLimit defaults;
    private final Map<String, GatewayProperties.RateLimit> perClient = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Clock clock, GatewayProperties properties) {
        this.clock = clock;
        this.defaults = properties.getRateLimit();
        properties.getClients().stream().filter(c -> c.getRateLimit() != null)
                .forEach(c -> perClient.put(c.getId(), c.getRateLimit()));
    }

    /** Admits one request of the client and answers zero, or answers how long the client must wait. */
    public Duration admit(String clientId) {
        return buckets.computeIfAbsent(clientId, id -> {
            GatewayProperties.RateLimit limit = perClient.getOrDefault(id, defaults);
            return new TokenBucket(clock, limit.getPerSecond(), limit.getBurst());
        }).take();
    }
}
