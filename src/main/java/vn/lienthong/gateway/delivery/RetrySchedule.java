package vn.lienthong.gateway.delivery;

import java.time.Duration;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.config.GatewayProperties;

/** The exponential backoff between delivery attempts, as configured and as the broker applies it. */
@Component
public class RetrySchedule {

    private final GatewayProperties.Delivery settings;

    RetrySchedule(GatewayProperties properties) {
        this.settings = properties.getDelivery();
    }

    /** The wait after the given failed attempt (1 for the first): initial × multiplier^(attempt−1), capped. */
    public Duration delayAfter(int failedAttempt) {
        double millis = settings.getInitialDelay().toMillis() * Math.pow(settings.getMultiplier(), failedAttempt - 1);
        return Duration.ofMillis((long) Math.min(millis, settings.getMaxDelay().toMillis()));
    }

    /** Whether the given failed attempt was the last one allowed. */
    public boolean exhausted(int failedAttempt) {
        return failedAttempt >= settings.getMaxAttempts();
    }
}
