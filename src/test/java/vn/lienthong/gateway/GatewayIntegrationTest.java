package vn.lienthong.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole gateway in the sandbox profile on a random port, with a fresh data folder, a short retry backoff, a
 * checkpoint of the message log every second, the sandbox TSA asked again soon after a failure, the recipients of sent
 * documents asked about and the axis polled for incoming items only when a test says so (their first rounds an hour
 * away), and metrics
 * exported as in production; every class carrying it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lienthong.data-dir=target/test-data/${random.uuid}",
        "lienthong.delivery.initial-delay=200ms",
        "lienthong.delivery.multiplier=1.5",
        "lienthong.delivery.max-delay=1s",
        "lienthong.delivery.max-attempts=4",
        "lienthong.delivery.jitter=0",
        "lienthong.log.checkpoint-interval=1s",
        "lienthong.log.tsa.retry-delay=500ms",
        "lienthong.vdxp.poll-interval=1h",
        "lienthong.documents.sent-poll.interval=1h"
})
public @interface GatewayIntegrationTest {
}
