package vn.lienthong.gateway.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.config.GatewayProperties;

/**
 * The backoff between delivery attempts of each destination: {@code initial × multiplier^(attempt−1)}, capped at the
 * maximum, spread by ± jitter, and never shorter than what the platform asked for with {@code Retry-After}.
 */
@Component
public class RetrySchedule {

    /** The longest wait a platform's {@code Retry-After} can impose. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final GatewayProperties.Delivery settings;

    RetrySchedule(GatewayProperties properties) {
        this.settings = properties.getDelivery();
    }

    /** The wait after the given failed attempt (1 for the first), before jitter and Retry-After. */
    public Duration backoffAfter(String destination, int failedAttempt) {
        Policy p = policy(destination);
        double millis = p.initialDelay().toMillis() * Math.pow(p.multiplier(), failedAttempt - 1);
        return Duration.ofMillis((long) Math.min(millis, p.maxDelay().toMillis()));
    }

    /** The wait actually scheduled after the given failed attempt. */
    public Duration delayAfter(String destination, int failedAttempt, Duration retryAfter) {
        Policy p = policy(destination);
        long base = backoffAfter(destination, failedAttempt).toMillis();
        double spread = p.jitter() == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-p.jitter(), p.jitter());
        Duration delay = Duration.ofMillis(Math.max(0, Math.round(base * (1 + spread))));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            delay = asked.compareTo(delay) > 0 ? asked : delay;
        }
        return delay;
    }

    /** Whether the given failed attempt was the last one allowed for the destination. */
    public boolean exhausted(String destination, int failedAttempt) {
        return failedAttempt >= policy(destination).maxAttempts();
    }

    Policy policy(String destination) {
        Optional<GatewayProperties.RetryOverride> o = Optional.ofNullable(destination)
                .map(d -> settings.getDestinations().get(d));
        return new Policy(
                o.map(GatewayProperties.RetryOverride::getInitialDelay).orElse(settings.getInitialDelay()),
                o.map(GatewayProperties.RetryOverride::getMultiplier).orElse(settings.getMultiplier()),
                o.map(GatewayProperties.RetryOverride::getMaxDelay).orElse(settings.getMaxDelay()),
                o.map(GatewayProperties.RetryOverride::getJitter).orElse(settings.getJitter()),
                o.map(GatewayProperties.RetryOverride::getMaxAttempts).orElse(settings.getMaxAttempts()));
    }

    /** The retry settings in force for one destination. */
    record Policy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter, int maxAttempts) {
    }
}
