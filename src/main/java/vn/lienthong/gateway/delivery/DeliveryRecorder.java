package vn.lienthong.gateway.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.messagelog.AttemptOutcome;
import vn.lienthong.gateway.messagelog.MessageStore;

/**
 * Records the end of each delivery attempt and decides what follows a failure: another attempt after the backoff
 * (the broker redelivers), or the dead-letter queue when the failure is permanent or the attempts are used up.
 */
@Component("deliveryRecorder")
public class DeliveryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final MessageStore store;
    private final RetrySchedule schedule;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    DeliveryRecorder(MessageStore store, RetrySchedule schedule, DeliveryMetrics metrics, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Marks the message DELIVERED after the platform confirmed it. */
    public void delivered(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        store.markDelivered(messageId, exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class));
        metrics.delivered(exchange.getIn().getHeader(ExchangeKeys.DESTINATION, String.class));
    }

    /**
     * Records the failed attempt caught on the exchange and sets {@link ExchangeKeys#DEAD_LETTERED} when the message
     * goes to the dead-letter queue instead of being retried.
     */
    public void attemptFailed(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        String destination = exchange.getIn().getHeader(ExchangeKeys.DESTINATION, String.class);
        PlatformDeliveryException failure = caught instanceof PlatformDeliveryException p ? p
                : PlatformDeliveryException.transientFailure(null, describe(caught), null, caught);
        AttemptOutcome outcome = failure.permanent() ? AttemptOutcome.PERMANENT_FAILURE : AttemptOutcome.TRANSIENT_FAILURE;
        int attempt = store.attemptCount(messageId) + 1;
        metrics.failed(destination);

        if (failure.permanent() || schedule.exhausted(attempt)) {
            store.markDeadLettered(messageId, outcome, failure.httpStatus(), failure.getMessage());
            metrics.deadLettered(destination);
            exchange.setProperty(ExchangeKeys.DEAD_LETTERED, true);
            LOG.warn("Message {} to {} dead-lettered after attempt {}: {}", messageId, destination, attempt,
                    failure.getMessage());
        } else {
            OffsetDateTime nextRetryAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                    .plus(schedule.delayAfter(attempt));
            store.recordFailedAttempt(messageId, outcome, failure.httpStatus(), failure.getMessage(), nextRetryAt);
            exchange.setProperty(ExchangeKeys.DEAD_LETTERED, false);
            LOG.info("Message {} to {} failed attempt {} ({}); retry at {}", messageId, destination, attempt,
                    failure.getMessage(), nextRetryAt);
        }
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown failure" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
