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

    /** Artemis message property: when the broker makes a rescheduled message available again (epoch millis). */
    public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
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

    /** Whether the failure caught on the exchange ends the message's delivery: permanent, or the last allowed attempt. */
    public boolean isFinalFailure(Exchange exchange) {
        PlatformDeliveryException failure = failureOf(exchange);
        String destination = exchange.getIn().getHeader(ExchangeKeys.DESTINATION, String.class);
        return failure.permanent() || schedule.exhausted(destination, store.attemptCount(messageIdOf(exchange)) + 1);
    }

    /** Records the final failed attempt and marks the message DEAD_LETTERED; the route then moves it to the DLQ. */
    public void deadLettered(Exchange exchange) {
        PlatformDeliveryException failure = failureOf(exchange);
        String messageId = messageIdOf(exchange);
        String destination = exchange.getIn().getHeader(ExchangeKeys.DESTINATION, String.class);
        store.markDeadLettered(messageId, outcomeOf(failure), failure.httpStatus(), failure.getMessage());
        metrics.failed(destination);
        metrics.deadLettered(destination);
        LOG.warn("Message {} to {} dead-lettered: {}", messageId, destination, failure.getMessage());
    }

    /**
     * Records a failed attempt and schedules the next one: the route sends the message back to its queue with the
     * broker's scheduled delivery time, in the same transaction that takes it off.
     */
    public void attemptFailed(Exchange exchange) {
        PlatformDeliveryException failure = failureOf(exchange);
        String messageId = messageIdOf(exchange);
        String destination = exchange.getIn().getHeader(ExchangeKeys.DESTINATION, String.class);
        int attempt = store.attemptCount(messageId) + 1;
        OffsetDateTime nextRetryAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .plus(schedule.delayAfter(destination, attempt, failure.retryAfter()));
        store.recordFailedAttempt(messageId, outcomeOf(failure), failure.httpStatus(), failure.getMessage(), nextRetryAt);
        metrics.failed(destination);
        exchange.getIn().setHeader(SCHEDULED_DELIVERY, nextRetryAt.toInstant().toEpochMilli());
        LOG.info("Message {} to {} failed attempt {} ({}); next attempt at {}", messageId, destination, attempt,
                failure.getMessage(), nextRetryAt);
    }

    private static PlatformDeliveryException failureOf(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null) {
            caught = exchange.getException();
        }
        return caught instanceof PlatformDeliveryException p ? p
                : PlatformDeliveryException.transientFailure(null, describe(caught), null, caught);
    }

    private static AttemptOutcome outcomeOf(PlatformDeliveryException failure) {
        return failure.permanent() ? AttemptOutcome.PERMANENT_FAILURE : AttemptOutcome.TRANSIENT_FAILURE;
    }

    private static String messageIdOf(Exchange exchange) {
        return exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown failure" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
