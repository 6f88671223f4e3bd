package vn.lienthong.gateway.ingress;

import java.time.Clock;
import java.time.Duration;

/** A token bucket that refills at a steady rate up to its burst size; each admitted request takes one token. */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final Clock clock;
    private final double perNano;
    private final double burst;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(Clock clock, double perSecond, int burst) {
        this.clock = clock;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAtNanos = nanos();
    }

    /** Takes a token and answers zero, or, when there is none, answers how long until there will be one. */
    synchronized Duration take() {
        long now = nanos();
        tokens = Math.min(burst, tokens + Math.max(0, now - refilledAtNanos) * perNano);
        refilledAtNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
