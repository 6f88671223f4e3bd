package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.config.GatewayProperties;

/** Token buckets per client: a burst, then a steady rate, and how long to wait when empty. */
class RateLimiterTest {

    private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));

    @Test
    void admitsABurstThenAsksTheClientToWaitForTheNextToken() {
        RateLimiter limiter = new RateLimiter(clock, properties(2, 3, null));

        assertThat(List.of(limiter.admit("a"), limiter.admit("a"), limiter.admit("a"))).containsOnly(Duration.ZERO);
        assertThat(limiter.admit("a")).isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.admit("a")).isZero();
        assertThat(limiter.admit("a")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refillsNoHigherThanTheBurst() {
        RateLimiter limiter = new RateLimiter(clock, properties(10, 2, null));
        clock.advance(Duration.ofHours(1));

        assertThat(List.of(limiter.admit("a"), limiter.admit("a"))).containsOnly(Duration.ZERO);
        assertThat(limiter.admit("a")).isPositive();
    }

    @Test
    void eachClientHasItsOwnBucketAndAClientMayHaveItsOwnLimit() {
        GatewayProperties.RateLimit slow = new GatewayProperties.RateLimit();
        slow.setPerSecond(0.5);
        slow.setBurst(1);
        RateLimiter limiter = new RateLimiter(clock, properties(100, 100, slow));

        assertThat(limiter.admit("slow")).isZero();
        assertThat(limiter.admit("slow")).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.admit("other")).isZero();
        assertThat(limiter.admit("other")).isZero();
    }

    private static GatewayProperties properties(double perSecond, int burst, GatewayProperties.RateLimit slow) {
        GatewayProperties properties = new GatewayProperties();
        properties.getRateLimit().setPerSecond(perSecond);
        properties.getRateLimit().setBurst(burst);
        GatewayProperties.Client client = new GatewayProperties.Client();
        client.setId("slow");
        client.setRateLimit(slow);
        properties.setClients(List.of(client));
        return properties;
    }
}
